"""Password hashing: Argon2id, salted, verified."""

from app.services.auth.hashing import hash_password, verify_password


def test_hash_is_argon2id_and_verifies() -> None:
    hashed = hash_password("correct horse battery staple")

    assert hashed.startswith("$argon2id$")
    assert "correct horse" not in hashed
    assert verify_password("correct horse battery staple", hashed)


def test_wrong_password_does_not_verify() -> None:
    assert not verify_password("wrong password", hash_password("right password"))


def test_same_password_hashes_differently_each_time() -> None:
    assert hash_password("same password") != hash_password("same password")


def test_unknown_user_never_verifies() -> None:
    assert not verify_password("any password", None)
