"""Throwaway template versions and generated projects for the `copier update` tests.

Copier updates only from git tags, so each test builds its own git repository holding a copy
of this template (``copier.yml`` + ``template/`` from the working tree), tags it ``1.0.0``,
applies a template change, tags ``1.1.0``, and so on. Projects are generated from those tags
into git repositories of their own, where "the user" edits and commits before updating.

The template changes are made by exact text replacement. When the template's text moves on,
a replacement no longer matches and the helper fails with the file and the text it looked
for: update the change here, never loosen the assertion.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from copier import run_copy

REPO_ROOT = Path(__file__).resolve().parent.parent
ANSWERS_FILE = ".copier-answers.yml"
CONFLICT_MARKERS = ("<<<<<<< ", ">>>>>>> ")
WORKER_FOLDER = "app/components/{% if include_worker %}worker{% endif %}"

# Everything a working tree may hold that is not part of the template.
_NOT_TEMPLATE = shutil.ignore_patterns(
    ".git", ".venv", "build", "__pycache__", "*.py[cod]", ".*_cache", "*.rej", "*.orig"
)


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd``; fail with its output when it fails."""
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed in {cwd}:\n{result.stderr}")
    return result.stdout


def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    found = text.count(old)
    if found != 1:
        raise AssertionError(
            f"{path}: expected the text {old!r} exactly once, found it {found} times; "
            "the template moved on, so update this change in tests/updating.py"
        )
    path.write_text(text.replace(old, new), encoding="utf-8")


@dataclass(frozen=True)
class TemplateRepo:
    """A private git copy of the template, released one tag at a time."""

    root: Path

    @classmethod
    def from_working_tree(cls, root: Path) -> TemplateRepo:
        """Copy ``copier.yml`` and ``template/`` (uncommitted changes included) into a new repo."""
        root.mkdir(parents=True)
        shutil.copy2(REPO_ROOT / "copier.yml", root / "copier.yml")
        shutil.copytree(REPO_ROOT / "template", root / "template", ignore=_NOT_TEMPLATE)
        git(root, "init", "--quiet")
        return cls(root.resolve())

    @property
    def url(self) -> str:
        """The absolute path Copier records as ``_src_path`` (a relative one breaks updates)."""
        return str(self.root)

    def file(self, relative: str) -> Path:
        """A file of the generated project's source, under ``template/``."""
        return self.root / "template" / relative

    def replace(self, relative: str, old: str, new: str) -> None:
        """Change one exact, unique piece of a template file."""
        _replace_once(self.file(relative), old, new)

    def replace_everywhere(self, old: str, new: str) -> list[str]:
        """Change a phrase in every template file holding it (code and its tests together)."""
        changed: list[str] = []
        for path in sorted((self.root / "template").rglob("*")):
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            if old in text:
                path.write_text(text.replace(old, new), encoding="utf-8")
                changed.append(path.relative_to(self.root / "template").as_posix())
        return changed

    def rename(self, old: str, new: str) -> None:
        """Move a template file (git sees the rename)."""
        git(self.root, "mv", f"template/{old}", f"template/{new}")

    def add_migrations(self, migrations: list[dict[str, Any]]) -> None:
        """Give this version's ``copier.yml`` a ``_migrations`` list."""
        config = self.root / "copier.yml"
        text = config.read_text(encoding="utf-8")
        if "_migrations" in yaml.safe_load(text):
            raise AssertionError("copier.yml already has _migrations; extend this helper")
        addition = yaml.safe_dump({"_migrations": migrations}, sort_keys=False, width=1000)
        config.write_text(f"{text.rstrip()}\n\n{addition}", encoding="utf-8")

    def release(self, version: str) -> None:
        """Commit everything and tag it ``version`` (PEP 440, as Copier sorts tags)."""
        git(self.root, "add", "--all")
        git(self.root, "commit", "--quiet", "--allow-empty", "-m", f"Release {version}")
        git(self.root, "tag", version)


@dataclass(frozen=True)
class Project:
    """A generated project in its own git repository, as a user would keep it."""

    root: Path

    def file(self, relative: str) -> Path:
        return self.root / relative

    def copy_to(self, dst: Path) -> Project:
        """An identical project, history included (cheaper than generating again)."""
        shutil.copytree(self.root, dst, symlinks=True)
        return Project(dst.resolve())

    def read(self, relative: str) -> str:
        return self.file(relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        path = self.file(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def replace(self, relative: str, old: str, new: str) -> None:
        _replace_once(self.file(relative), old, new)

    def commit(self, message: str) -> None:
        git(self.root, "add", "--all")
        git(self.root, "commit", "--quiet", "-m", message)

    def answers(self) -> dict[str, Any]:
        answers = yaml.safe_load(self.read(ANSWERS_FILE))
        assert isinstance(answers, dict)
        return answers

    def status(self) -> list[str]:
        """``git status --porcelain`` lines, untracked files included."""
        return git(self.root, "status", "--porcelain", "--untracked-files=all").splitlines()

    def unmerged(self) -> list[str]:
        """Paths git itself records as conflicted."""
        return git(self.root, "diff", "--name-only", "--diff-filter=U").splitlines()

    def files(self) -> list[str]:
        """Every file in the working tree (outside .git), as relative POSIX paths."""
        return sorted(
            path.relative_to(self.root).as_posix()
            for path in self.root.rglob("*")
            if path.is_file() and ".git" not in path.relative_to(self.root).parts
        )

    def with_conflict_markers(self) -> list[str]:
        """Files holding a line that starts like a merge conflict marker."""
        found: list[str] = []
        for relative in self.files():
            try:
                lines = self.read(relative).splitlines()
            except UnicodeDecodeError:
                continue
            if any(line.startswith(CONFLICT_MARKERS) for line in lines):
                found.append(relative)
        return found

    def rejects(self) -> list[str]:
        """Leftover hunks Copier could not apply (``--conflict rej``)."""
        return [relative for relative in self.files() if relative.endswith(".rej")]

    def assert_cleanly_updated(self, version: str) -> None:
        """The update reached ``version`` and left nothing for the user to resolve."""
        commit = self.answers()["_commit"]
        assert commit == version, f"the answers file records {commit!r}, not {version!r}"
        markers = self.with_conflict_markers()
        assert markers == [], f"conflict markers in {markers}"
        assert self.rejects() == [], f"rejected hunks: {self.rejects()}"
        assert self.unmerged() == [], f"git lists unmerged paths: {self.unmerged()}"


def carry_over(version: str, old: str, new: str) -> dict[str, str]:
    """A ``_migrations`` entry that carries the user's edits of ``old`` into its renamed ``new``.

    Copier merges by path, so on its own it would delete the user's ``old`` (a file the new
    version no longer has) and write ``new`` fresh. After the update, this three-way merges
    the user's committed ``old`` into ``new``, with the old version's ``old`` as the base
    (read from the template's own git history), then drops any ``old.rej`` leftover.
    A line both sides changed ends up between conflict markers, like any other conflict.
    Meant for plain files: the base of a ``.jinja`` file would be unrendered.
    """
    labels = '-L "before updating" -L "last update" -L "after updating"'
    script = "\n".join(
        [
            "set -e",
            f'git cat-file -e "HEAD:{old}" 2>/dev/null || exit 0',
            f'git show "HEAD:{old}" > "{new}.ours"',
            'git -C "{{ _copier_conf.src_path }}" show '
            f'"{{{{ _version_from }}}}:template/{old}" > "{new}.base"',
            "merged=0",
            f'git merge-file {labels} "{new}.ours" "{new}.base" "{new}" || merged=$?',
            f'mv "{new}.ours" "{new}"',
            f'rm -f "{new}.base" "{old}.rej"',
            # merge-file exits with the number of conflicts (kept, visible), or 255 on error.
            'test "$merged" -lt 255',
        ]
    )
    return {"version": version, "when": "{{ _stage == 'after' }}", "command": script}


def generate(template: TemplateRepo, dst: Path, version: str, **data: Any) -> Project:
    """Generate at ``version`` with defaults plus ``data``, then commit it as the user would."""
    run_copy(template.url, dst, data=data, vcs_ref=version, defaults=True, quiet=True)
    git(dst, "init", "--quiet")
    project = Project(dst.resolve())
    project.commit(f"Generate from the template at {version}")
    return project
