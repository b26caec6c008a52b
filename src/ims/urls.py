from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ims.api.views import not_found as api_not_found
from ims.core.views import guide
from ims.monitoring.views import home

urlpatterns = [
    path("", home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("handleiding/", guide, name="guide"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("ims.api.urls")),
    path("api/<path:url>", api_not_found),
    path("inlezen/", include("ims.ingest.urls")),
    path("rapportage/", include("ims.reporting.urls")),
    path("beoordeling/", include("ims.assessment.urls")),
    path("zoeken/", include("ims.search.urls")),
    path("monitoring/", include("ims.monitoring.urls")),
    path("", include("ims.register.urls")),
]

# IMS's own error pages (ims.core.views), in the IMS layout and the user's language, debug or not.
handler400 = "ims.core.views.bad_request"
handler403 = "ims.core.views.permission_denied"
handler404 = "ims.core.views.page_not_found"
handler500 = "ims.core.views.server_error"
