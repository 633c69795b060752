from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-out/", views.SignOutView.as_view(), name="logout"),
    path("create-account/", views.sign_up, name="signup"),
    path("create-account/check-your-email/", views.sign_up_sent, name="signup_sent"),
    path("create-account/confirm/<uidb64>/<token>/", views.sign_up_confirm, name="signup_confirm"),
    path("your-account/", views.profile, name="profile"),
    path("your-account/close/", views.close_account, name="close"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("password-reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("password-reset/complete/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
