from django.urls import path

from . import form_views, views

app_name = "monitoring"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("mijlpalen/", views.milestone_list, name="milestone-list"),
    path("initiatieven/", views.initiative_gaps, name="initiative-gaps"),
    path("toezeggingen/", views.commitment_list, name="commitment-list"),
    path("plannen/", views.plan_list, name="plan-list"),
    path("plannen/nieuw/", form_views.plan_create, name="plan-create"),
    path("plannen/<int:pk>/", views.plan_detail, name="plan-detail"),
    path("plannen/<int:pk>/geschiedenis/", views.plan_history, name="plan-history"),
    path("plannen/<int:pk>/bewerken/", form_views.plan_edit, name="plan-edit"),
    path("plannen/<int:pk>/mijlpaal/", form_views.plan_milestone_create, name="plan-milestone-create"),
    path("mijlpalen/<int:pk>/bewerken/", form_views.milestone_edit, name="milestone-edit"),
    path("mijlpalen/<int:pk>/voortgang/", form_views.milestone_note, name="milestone-note"),
    path("functionarissen/", views.official_list, name="official-list"),
    path("functionarissen/nieuw/", form_views.official_create, name="official-create"),
    path("functionarissen/<int:pk>/", views.official_detail, name="official-detail"),
    path("functionarissen/<int:pk>/geschiedenis/", views.official_history, name="official-history"),
    path("functionarissen/<int:pk>/bewerken/", form_views.official_edit, name="official-edit"),
    path("functionarissen/<int:pk>/activiteit/", form_views.official_activity, name="official-activity"),
    path("activiteiten/<int:pk>/", views.activity_detail, name="activity-detail"),
    path("activiteiten/<int:pk>/geschiedenis/", views.activity_history, name="activity-history"),
    path("activiteiten/<int:pk>/bewerken/", form_views.activity_edit, name="activity-edit"),
    path("activiteiten/<int:pk>/verwijderen/", form_views.activity_delete, name="activity-delete"),
    path("agenda-bia/", views.agenda_download, name="agenda"),
    path("agenda/", views.calendar, name="calendar"),
    path("agenda/<str:secret>.ics", views.calendar_feed, name="calendar-feed"),
]
