from django.urls import reverse

from tests.matrix import PUBLIC, SIGNED_IN, Row, expect

# Pages for signing in redirect people who are already signed in.
SIGNED_OUT_ONLY = expect(302, anonymous=200)

ROWS = [
    Row("accounts:login", lambda w: reverse("accounts:login"), SIGNED_OUT_ONLY),
    Row("accounts:logout", lambda w: reverse("accounts:logout"), expect(302), method="post"),
    Row("accounts:signup", lambda w: reverse("accounts:signup"), SIGNED_OUT_ONLY),
    Row("accounts:signup_sent", lambda w: reverse("accounts:signup_sent"), PUBLIC),
    Row(
        "accounts:signup_confirm",
        lambda w: reverse("accounts:signup_confirm", args=["MQ", "bad-token"]),
        PUBLIC,
        note="invalid link shows the expired page",
    ),
    Row("accounts:profile", lambda w: reverse("accounts:profile"), SIGNED_IN),
    Row("accounts:close", lambda w: reverse("accounts:close"), SIGNED_IN),
    Row(
        "accounts:close",
        lambda w: reverse("accounts:close"),
        expect(200, anonymous=302),
        method="post",
        data=lambda w: {"password": "wrong"},
        note="a wrong password closes nothing",
    ),
    Row("accounts:password_reset", lambda w: reverse("accounts:password_reset"), PUBLIC),
    Row("accounts:password_reset_done", lambda w: reverse("accounts:password_reset_done"), PUBLIC),
    Row(
        "accounts:password_reset_confirm",
        lambda w: reverse("accounts:password_reset_confirm", args=["MQ", "bad-token"]),
        PUBLIC,
        note="invalid link shows the expired page",
    ),
    Row("accounts:password_reset_complete", lambda w: reverse("accounts:password_reset_complete"), PUBLIC),
]
