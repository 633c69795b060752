from django.urls import path

from .views import actions, complaint, queues, raising, sending

app_name = "complaints"

urlpatterns = [
    path("complaints/", complaint.index, name="list"),
    path("complaints/raise/", raising.start, name="create"),
    path("complaints/raise/body/", raising.body, name="raise-body"),
    path("complaints/raise/undertakings/", raising.undertakings, name="raise-undertakings"),
    path("complaints/raise/what-happened/", raising.details, name="raise-details"),
    path("complaints/raise/files/", raising.files, name="raise-files"),
    path("complaints/raise/files/<int:file_id>/remove/", raising.file_remove, name="raise-file-remove"),
    path("complaints/raise/who/", raising.contact, name="raise-contact"),
    path("complaints/raise/email/", raising.email, name="raise-email"),
    path("complaints/raise/confidential/", raising.confidential, name="raise-confidential"),
    path("complaints/raise/check/", sending.check, name="raise-check"),
    path("complaints/raise/sent/", sending.done, name="raise-done"),
    path("complaints/confirm/<str:token>/", complaint.confirm_email, name="confirm-email"),
    path("complaints/about-your-organisation/", queues.queue, name="queue"),
    path("complaints/about-your-organisation.csv", queues.queue_csv, name="queue-csv"),
    path("complaints/compact/", queues.compact_list, name="compact-list"),
    path("complaints/compact.csv", queues.compact_csv, name="compact-csv"),
    path("complaints/<str:reference>/", complaint.detail, name="detail"),
    path("complaints/<str:reference>/follow/<str:token>/", complaint.follow, name="follow"),
    path("complaints/<str:reference>/acknowledge/", actions.acknowledge, name="acknowledge"),
    path("complaints/<str:reference>/reply/", actions.reply, name="reply"),
    path("complaints/<str:reference>/extend/", actions.extend, name="extend"),
    path("complaints/<str:reference>/take-further/", actions.escalate, name="escalate"),
    path("complaints/<str:reference>/close/", actions.close, name="close"),
    path("complaints/<str:reference>/withdraw/", actions.withdraw, name="withdraw"),
    path("complaints/<str:reference>/message/", actions.message, name="message"),
    path("complaints/<str:reference>/note/", actions.note, name="note"),
    path("complaints/<str:reference>/files/add/", actions.file_add, name="file-add"),
    path("complaints/<str:reference>/files/<int:file_id>/", complaint.file_download, name="file-download"),
]
