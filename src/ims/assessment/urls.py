from django.urls import path

from . import views

app_name = "assessment"

urlpatterns = [
    path("voorstel/", views.proposal, name="proposal"),
    path("voorstel/pdf/", views.proposal_pdf, name="proposal-pdf"),
    path("voorstel/omslag.svg", views.proposal_chart, name="proposal-chart"),
    path("initiatief/<int:pk>/", views.initiative, name="initiative"),
    path("initiatief/<int:pk>/pdf/", views.initiative_pdf, name="initiative-pdf"),
    path("initiatief/<int:pk>/omslag.svg", views.initiative_chart, name="initiative-chart"),
    path("schillen/", views.rings, name="rings"),
    path("schillen/partner/", views.ring_partner_pick, name="ring-partner-pick"),
    path("schillen/<str:code>/", views.partner_rings, name="partner-rings"),
    path("scenarios/", views.scenarios, name="scenarios"),
]
