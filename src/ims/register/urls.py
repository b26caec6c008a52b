from django.urls import path

from . import views

app_name = "register"

urlpatterns = [
    path("partners/", views.partner_list, name="partner-list"),
    path("partners/<str:code>/", views.partner_detail, name="partner-detail"),
    path("initiatieven/", views.initiative_list, name="initiative-list"),
    path("initiatieven/<int:pk>/", views.initiative_detail, name="initiative-detail"),
    path("initiatieven/<int:pk>/bewerken/", views.initiative_edit, name="initiative-edit"),
    path("overeenkomsten/", views.agreement_list, name="agreement-list"),
    path("netwerk/", views.network, name="network"),
    path("netwerk/gegevens/", views.network_data, name="network-data"),
]
