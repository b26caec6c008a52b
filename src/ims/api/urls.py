from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from ims.search.api import SearchViewSet

from . import monitoring, views

app_name = "api"

router = DefaultRouter()
router.include_root_view = False
# No /initiatives/1.json: the schema has no such paths, and JSON is the only format anyway.
router.include_format_suffixes = False
router.register("partners", views.PartnerViewSet, basename="partner")
router.register("initiatives", views.InitiativeViewSet, basename="initiative")
router.register("milestones", views.MilestoneViewSet, basename="milestone")
router.register("agreements", views.AgreementViewSet, basename="agreement")
router.register("contributions", views.ContributionViewSet, basename="contribution")
router.register("defence-spending", views.SpendingViewSet, basename="spending")
router.register("commitments", views.CommitmentViewSet, basename="commitment")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("search", SearchViewSet, basename="search")
router.register("plans", monitoring.PlanViewSet, basename="plan")
router.register("officials", monitoring.OfficialViewSet, basename="official")
router.register("activities", monitoring.ActivityViewSet, basename="activity")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI from the sidecar's static files; the split view serves its start-up script as a file of its own,
    # as the Content-Security-Policy allows no inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html"),
         name="docs"),
    path("", include(router.urls)),
]
