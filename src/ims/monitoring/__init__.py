"""The BIA's monitoring: cooperation plans with their milestones, progress notes, defence attachés and other
international defence officials with their activities, and the dashboard that watches them.

One milestone concept. The register already kept milestones on initiatives (``ims.register.models.Milestone``);
they stay there and are the only milestones IMS has. A milestone now belongs to an initiative, to a cooperation
plan, or to both (at least one, a database constraint), has an optional owner (a user), the statuses the BIA
reports (planned, on track, at risk, done, dropped) and dated progress notes (``ProgressNote`` here). The old
typed-in status "delayed" was migrated to "at risk": lateness is derived from the due date (``status.py``) and
never stored, and neither is "due soon". So the initiative page, the yearly report, the API and the BIA's
dashboard all read the same rows, and a plan's milestone that also serves an initiative is one record.
"""
