from django.urls import path

from .views import corrections, invitations, manage, moderation, public, response, themes

app_name = "consultations"

urlpatterns = [
    path("consultations/", public.consultation_list, name="list"),
    path("consultations.csv", public.consultation_list_csv, name="list-csv"),
    path("consultations/new/", manage.create, name="create"),
    path("consultations/<slug:slug>/", public.detail, name="detail"),
    path("consultations/<slug:slug>/document/", public.document, name="document"),
    path("consultations/<slug:slug>/comment/", public.comment, name="comment"),
    path("consultations/<slug:slug>/response/", response.response, name="response"),
    path("consultations/<slug:slug>/response.pdf", response.response_pdf, name="response-pdf"),
    path(
        "consultations/<slug:slug>/response/versions/<int:number>/", response.response_version, name="response-version"
    ),
    path(
        "consultations/<slug:slug>/response/versions/<int:number>.pdf",
        response.response_version_pdf,
        name="response-version-pdf",
    ),
    path(
        "consultations/<slug:slug>/response/comments/<int:number>/", response.response_comment, name="response-comment"
    ),
    path("consultations/<slug:slug>/edit/", manage.edit, name="edit"),
    path("consultations/<slug:slug>/sections/", manage.sections, name="sections"),
    path("consultations/<slug:slug>/sections/<int:pk>/change/", corrections.section_change, name="section-change"),
    path("consultations/<slug:slug>/sections/<int:pk>/move/", corrections.section_move, name="section-move"),
    path("consultations/<slug:slug>/sections/<int:pk>/remove/", corrections.section_remove, name="section-remove"),
    path("consultations/<slug:slug>/events/", manage.events, name="events"),
    path("consultations/<slug:slug>/events/<int:pk>/change/", corrections.event_change, name="event-change"),
    path("consultations/<slug:slug>/events/<int:pk>/remove/", corrections.event_remove, name="event-remove"),
    path("consultations/<slug:slug>/invitations/", invitations.invitations, name="invitations"),
    path("consultations/<slug:slug>/invitations/all/", invitations.invite_matching, name="invite-matching"),
    path("consultations/<slug:slug>/open/", manage.open_, name="open"),
    path("consultations/<slug:slug>/close/", manage.close, name="close"),
    path("consultations/<slug:slug>/publish/", manage.publish, name="publish"),
    path("consultations/<slug:slug>/comments/", moderation.comments, name="comments"),
    path("consultations/<slug:slug>/comments.csv", moderation.comments_csv, name="comments-csv"),
    path("consultations/<slug:slug>/comments/record/", moderation.record, name="comment-record"),
    path("consultations/<slug:slug>/comments/<int:pk>/hide/", moderation.hide, name="comment-hide"),
    path("consultations/<slug:slug>/comments/<int:pk>/show/", moderation.unhide, name="comment-unhide"),
    path("consultations/<slug:slug>/respond/", moderation.respond, name="respond"),
    path("consultations/<slug:slug>/themes/", themes.themes, name="themes"),
    path("consultations/<slug:slug>/comments/<int:pk>/themes/", themes.comment_themes, name="comment-themes"),
]
