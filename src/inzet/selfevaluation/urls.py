from django.urls import path

from .views import adviser, organisation, report, volunteer

app_name = "selfevaluation"

urlpatterns = [
    # The organisation fills in its evaluation (views/organisation.py)
    path("zelfevaluatie/", organisation.index, name="index"),
    path(
        "zelfevaluatie/organisatie/<uuid:organisation_id>/start/",
        organisation.evaluation_start,
        name="evaluation-start",
    ),
    path(
        "zelfevaluatie/<uuid:public_id>/", organisation.evaluation_detail, name="evaluation-detail"
    ),
    path(
        "zelfevaluatie/<uuid:public_id>/deel/<str:part_code>/",
        organisation.evaluation_part,
        name="evaluation-part",
    ),
    path(
        "zelfevaluatie/<uuid:public_id>/antwoord/<int:statement_id>/",
        organisation.answer_save,
        name="answer-save",
    ),
    path(
        "zelfevaluatie/<uuid:public_id>/geschiedenis/",
        organisation.evaluation_history,
        name="evaluation-history",
    ),
    path(
        "zelfevaluatie/<uuid:public_id>/bewijs/<int:statement_id>/",
        organisation.evidence_add,
        name="evidence-add",
    ),
    path(
        "zelfevaluatie/bewijs/<uuid:evidence_id>/",
        organisation.evidence_download,
        name="evidence-download",
    ),
    path(
        "zelfevaluatie/bewijs/<uuid:evidence_id>/verwijderen/",
        organisation.evidence_delete,
        name="evidence-delete",
    ),
    path(
        "zelfevaluatie/<uuid:public_id>/vrijwilligers/",
        organisation.volunteer_invite,
        name="volunteer-invite",
    ),
    path(
        "zelfevaluatie/<uuid:public_id>/vrijwilligers/einddatum/",
        organisation.volunteer_link_extend,
        name="volunteer-link-extend",
    ),
    path(
        "zelfevaluatie/<uuid:public_id>/afsluiten/",
        organisation.evaluation_close,
        name="evaluation-close",
    ),
    # Report, action plan and progress (views/report.py)
    path("zelfevaluatie/<uuid:public_id>/rapport/", report.report, name="report"),
    path("zelfevaluatie/<uuid:public_id>/rapport/pdf/", report.report_pdf, name="report-pdf"),
    path("zelfevaluatie/<uuid:public_id>/actieplan/", report.action_plan, name="action-plan"),
    path(
        "zelfevaluatie/<uuid:public_id>/actieplan/<int:action_id>/",
        report.action_update,
        name="action-update",
    ),
    path(
        "zelfevaluatie/organisatie/<uuid:organisation_id>/voortgang/",
        report.progress,
        name="progress",
    ),
    # Volunteers answer anonymously, without an account (views/volunteer.py)
    path("zelfevaluatie/v/<str:token>/", volunteer.survey, name="volunteer-survey"),
    path("zelfevaluatie/v/<str:token>/bedankt/", volunteer.thanks, name="volunteer-thanks"),
    # Advisers (views/adviser.py)
    path("zelfevaluatie/adviseur/", adviser.dashboard, name="adviser-dashboard"),
    path(
        "zelfevaluatie/adviseur/organisatie/<uuid:organisation_id>/",
        adviser.organisation_detail,
        name="adviser-organisation",
    ),
    path(
        "zelfevaluatie/adviseur/organisatie/<uuid:organisation_id>/notitie/",
        adviser.note_add,
        name="adviser-note",
    ),
    path(
        "zelfevaluatie/organisatie/<uuid:organisation_id>/adviseur/",
        adviser.assign,
        name="adviser-assign",
    ),
]
