from django.urls import path

from . import form_views, history_views, record_views, views

app_name = "register"

urlpatterns = [
    path("partners/", views.partner_list, name="partner-list"),
    path("partners/<str:code>/", views.partner_detail, name="partner-detail"),
    path("partners/<str:code>/geschiedenis/", history_views.partner_history, name="partner-history"),
    path("initiatieven/", views.initiative_list, name="initiative-list"),
    path("initiatieven/nieuw/", form_views.initiative_create, name="initiative-create"),
    path("initiatieven/<int:pk>/", views.initiative_detail, name="initiative-detail"),
    path("initiatieven/<int:pk>/bewerken/", form_views.initiative_edit, name="initiative-edit"),
    path("initiatieven/<int:pk>/geschiedenis/", history_views.history_view("initiative"), name="initiative-history"),
    path("overeenkomsten/", views.agreement_list, name="agreement-list"),
    path("overeenkomsten/<int:pk>/", record_views.agreement_detail, name="agreement-detail"),
    path("overeenkomsten/<int:pk>/geschiedenis/", history_views.history_view("agreement"), name="agreement-history"),
    path("toezeggingen/", record_views.commitment_list, name="commitment-list"),
    path("toezeggingen/<int:pk>/", record_views.commitment_detail, name="commitment-detail"),
    path("toezeggingen/<int:pk>/geschiedenis/", history_views.history_view("commitment"), name="commitment-history"),
    path("bijdragen/", record_views.contribution_list, name="contribution-list"),
    path("bijdragen/<int:pk>/", record_views.contribution_detail, name="contribution-detail"),
    path("bijdragen/<int:pk>/geschiedenis/", history_views.history_view("contribution"),
         name="contribution-history"),
    path("defensie-uitgaven/", record_views.spending_list, name="spending-list"),
    path("defensie-uitgaven/<int:pk>/", record_views.spending_detail, name="spending-detail"),
    path("defensie-uitgaven/<int:pk>/geschiedenis/", history_views.history_view("spending"), name="spending-history"),
    path("verwervingen/", record_views.procurement_list, name="procurement-list"),
    path("verwervingen/<int:pk>/", record_views.procurement_detail, name="procurement-detail"),
    path("verwervingen/<int:pk>/geschiedenis/", history_views.history_view("procurement"),
         name="procurement-history"),
    path("documenten/", record_views.document_list, name="document-list"),
    path("documenten/<int:pk>/", record_views.document_detail, name="document-detail"),
    path("documenten/<int:pk>/geschiedenis/", history_views.history_view("document"), name="document-history"),
    path("netwerk/", views.network, name="network"),
    path("netwerk/gegevens/", views.network_data, name="network-data"),
]
