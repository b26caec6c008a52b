from django.urls import path

from . import views

app_name = "ingest"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("bevestigen/<str:token>/", views.upload_confirm, name="upload-confirm"),
    path("opdrachten/<int:pk>/", views.job, name="job"),
    path("documenten/<int:pk>/", views.review, name="review"),
    path("documenten/<int:pk>/accepteren/", views.bulk_accept, name="bulk-accept"),
    path("feiten/<int:pk>/", views.fact_decide, name="fact-decide"),
]
