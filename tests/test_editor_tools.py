"""`make check` and the examples a county copies (pre-commit hook, CI workflows)."""
import subprocess

import yaml

from catalog_helpers import ROOT, item

EXAMPLES = ROOT / "examples" / "county-repo"
BIN = ROOT / ".venv" / "bin"


def make_check(content) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "check", f"CONTENT={content}"],
                          capture_output=True, text=True, timeout=600)


def test_check_passes_on_the_sample_with_counts_and_advice():
    result = make_check(ROOT / "content")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "各栏目信息数：" in result.stdout and "  政策文件\t" in result.stdout
    assert "警告: 有效性(validity): 有效期至 2025-06-30 已过" in result.stdout
    assert result.stdout.rstrip().endswith("检查通过：内容、个人信息与链接均无错误。")


def test_check_fails_with_every_error(tree):
    tree.write("a.md", item(date="2025/1/1"))
    tree.write("b.md", item(title=""))
    result = make_check(tree.root)
    assert result.returncode != 0
    assert "a.md:5: 发布日期(date)" in result.stdout and "b.md:2: 标题(title)" in result.stdout


def test_check_advises_on_future_dates_and_uninterpreted_policies(tree):
    tree.write("a.md", item(date="2099-01-01"))
    output = make_check(tree.root).stdout
    assert "a.md:5: 警告: 发布日期(date): 发布日期 2099-01-01 晚于今天" in output
    assert "a.md:6: 警告: 信息类别(category): 政策文件尚无政策解读" in output


def test_pre_commit_config_is_valid_and_runs_make_check():
    config = EXAMPLES / ".pre-commit-config.yaml"
    subprocess.run([BIN / "pre-commit", "validate-config", str(config)], check=True, capture_output=True)
    [hook] = yaml.safe_load(config.read_text(encoding="utf-8"))["repos"][0]["hooks"]
    assert hook["entry"] == "make check"


def test_ci_examples_are_valid_workflows_that_check_then_build():
    for schema, path in (("vendor.github-workflows", EXAMPLES / ".github" / "workflows" / "publish.yml"),
                         ("vendor.gitlab-ci", EXAMPLES / ".gitlab-ci.yml")):
        result = subprocess.run([BIN / "check-jsonschema", "--builtin-schema", schema, str(path)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        text = path.read_text(encoding="utf-8")
        assert text.index("make check") < text.index("make html")
