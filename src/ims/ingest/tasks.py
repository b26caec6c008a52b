from celery import shared_task


@shared_task(name="ims.ingest.run_job")
def run_ingest_job(job_id: int) -> int:
    from .jobs import job_run

    return job_run(job_id).processed
