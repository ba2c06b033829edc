from app.models import User


def test_set_password_from_stdin(runner, make_user, db):
    user = make_user("someone")
    result = runner.invoke(args=["users", "set-password", "someone", "--password-stdin", "--must-change"],
                           input="a brand new secret\n")
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    user = db.session.get(User, user.id)
    assert user.check_password("a brand new secret") and user.must_change_password


def test_set_password_refuses_unknown_users_and_short_passwords(runner, make_user, db):
    user = make_user("someone")
    assert runner.invoke(args=["users", "set-password", "ghost", "--password-stdin"], input="long enough pw\n"
                         ).exit_code == 1
    result = runner.invoke(args=["users", "set-password", "someone", "--password-stdin"], input="short\n")
    assert result.exit_code == 1 and "8" in result.output
    db.session.expire_all()
    assert not db.session.get(User, user.id).check_password("short")
