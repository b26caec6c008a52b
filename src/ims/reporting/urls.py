from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("", views.index, name="index"),
    path("concept.<str:fmt>", views.draft_download, name="draft-download"),
    path("definitief/", views.finalise, name="finalise"),
    path("versies/<int:pk>/", views.version_detail, name="version"),
    path("versies/<int:pk>/bestand.<str:fmt>", views.version_download, name="version-download"),
    path("bron/<int:pk>/", views.source, name="source"),
]
