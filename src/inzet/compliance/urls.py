from django.urls import path

from .views import checklist, tools

app_name = "compliance"

urlpatterns = [
    path("toolbox/", tools.index, name="index"),
    # The questionnaire and its checklist (views/checklist.py)
    path("toolbox/check/", checklist.check_start, name="check-start"),
    path("toolbox/check/resultaat/", checklist.check_result, name="check-result"),
    path("toolbox/check/resultaat/pdf/", checklist.check_result_pdf, name="check-result-pdf"),
    path("toolbox/check/<slug:step>/", checklist.check_step, name="check-step"),
    path("toolbox/checklists/", checklist.saved_list, name="saved-list"),
    path("toolbox/checklists/opslaan/", checklist.saved_create, name="saved-create"),
    path("toolbox/checklists/<uuid:public_id>/", checklist.saved_detail, name="saved-detail"),
    path("toolbox/checklists/<uuid:public_id>/pdf/", checklist.saved_pdf, name="saved-pdf"),
    path("toolbox/checklists/<uuid:public_id>/afvinken/", checklist.saved_mark, name="saved-mark"),
    path("toolbox/checklists/<uuid:public_id>/aanpassen/", checklist.saved_edit, name="saved-edit"),
    # Calculators and knelpunten (views/tools.py)
    path("toolbox/vrijwilligersvergoeding/", tools.allowance, name="allowance"),
    path("toolbox/gratis-vog/", tools.free_vog, name="free-vog"),
    path("toolbox/knelpunt/", tools.bottleneck_report, name="bottleneck-report"),
    path("toolbox/knelpunten/", tools.bottleneck_summary, name="bottleneck-summary"),
]
