"""The open API, version 1 (django-ninja, OpenAPI 3 at /api/v1/docs)."""

from django.core.exceptions import ValidationError

from ninja import NinjaAPI

from inzet.compliance.api import router as compliance_router
from inzet.geo.api import router as geo_router
from inzet.knowledge.api import router as knowledge_router
from inzet.organisations.api import router as organisations_router
from inzet.vacancies.api import router as vacancies_router

api = NinjaAPI(
    title="Inzet API",
    version="1",
    urls_namespace="api-1",
    description="Open data of Inzet, the platform for volunteer work in the Netherlands.",
)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    return api.create_response(request, {"detail": exc.messages}, status=422)


api.add_router("/postcodes", geo_router)
api.add_router("/", organisations_router)
api.add_router("/compliance", compliance_router)
api.add_router("/vacancies", vacancies_router)
api.add_router("/knowledge", knowledge_router)
