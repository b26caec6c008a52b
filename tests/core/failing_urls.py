"""The project's URLs plus one view that fails, to show what a user sees when IMS itself breaks."""

from django.urls import include, path


def fails(request):
    raise RuntimeError("a fault in IMS, with a path like /srv/ims/src/ims/secret.py")


urlpatterns = [path("faalt/", fails), path("", include("ims.urls"))]

handler400 = "ims.core.views.bad_request"
handler403 = "ims.core.views.permission_denied"
handler404 = "ims.core.views.page_not_found"
handler500 = "ims.core.views.server_error"
