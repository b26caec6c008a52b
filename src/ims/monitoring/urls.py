from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("mijlpalen/", views.milestone_list, name="milestone-list"),
    path("initiatieven/", views.initiative_gaps, name="initiative-gaps"),
    path("toezeggingen/", views.commitment_list, name="commitment-list"),
    path("plannen/", views.plan_list, name="plan-list"),
    path("plannen/<int:pk>/", views.plan_detail, name="plan-detail"),
    path("functionarissen/", views.official_list, name="official-list"),
    path("functionarissen/<int:pk>/", views.official_detail, name="official-detail"),
    path("agenda-bia/", views.agenda_download, name="agenda"),
    path("agenda/", views.calendar, name="calendar"),
    path("agenda/<str:secret>.ics", views.calendar_feed, name="calendar-feed"),
]
