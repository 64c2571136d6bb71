"""Articles in an S3 bucket (issue 16), served by moto's S3 server on 127.0.0.1 and found by every
process through the environment, as a real bucket would be: Dask's worker processes, the notebook
kernels and the command line reach it over HTTP. The bucket gives the folder's tables, read in the
builder and on two workers; its annotations.yaml is the one used; a report from it executes again
only when an object changes, and an unchanged rebuild downloads no article; a bucket or prefix
without articles, or no credentials, is one error line naming the URL."""

import logging
import os
import subprocess
import sys

import pytest

from analysis.dataset import build
from analysis.speed import engine

from conftest import ROOT, SEEDS
from test_engine import tables

moto_server = pytest.importorskip("moto.server")

BUCKET = "news"
ARTICLES = sorted(SEEDS.glob("*.txt"))
ANNOTATIONS = SEEDS / "annotations.yaml"
KEYS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
OTHER_CREDENTIALS = ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL_S3", "FSSPEC_S3_ENDPOINT_URL",
                     "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                     "AWS_CONTAINER_CREDENTIALS_FULL_URI")


@pytest.fixture(scope="module")
def bucket():
    """The server on a free port, its address in AWS_ENDPOINT_URL (read by botocore, so by s3fs, in
    this process and in every process started from it), fake keys, and no profile of this machine's;
    the seeds are uploaded under seeds/. Gives an S3 filesystem of its own, as another writer's."""
    import s3fs

    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    with pytest.MonkeyPatch.context() as env:
        for name in OTHER_CREDENTIALS:
            env.delenv(name, raising=False)
        env.setenv("AWS_EC2_METADATA_DISABLED", "true")  # a build without keys asks no metadata service
        env.setenv("AWS_ENDPOINT_URL", f"http://{host}:{port}")
        for name in KEYS:
            env.setenv(name, "testing")
        env.setenv("AWS_DEFAULT_REGION", "us-east-1")
        env.setenv("AWS_CONFIG_FILE", os.devnull)
        env.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)
        writer = s3fs.S3FileSystem(skip_instance_cache=True)
        writer.mkdir(BUCKET)
        upload(writer, "seeds", [*ARTICLES, ANNOTATIONS])
        yield writer
        s3fs.S3FileSystem.clear_instance_cache()  # no later test may reach the stopped server
    server.stop()


def upload(writer, prefix: str, files) -> str:
    for path in files:
        writer.pipe_file(f"{BUCKET}/{prefix}/{path.name}", path.read_bytes())
    return f"s3://{BUCKET}/{prefix}/"


@pytest.fixture(scope="module")
def folder_tables():
    return tables(build.build_dataset(SEEDS))


def test_the_bucket_gives_the_folders_tables_in_the_builder(bucket, folder_tables):
    """No column holds an article's location, so the CSV files are the folder's, byte for byte."""
    assert tables(engine.build_dataset(f"s3://{BUCKET}/seeds/")) == folder_tables


def test_two_workers_read_the_bucket_themselves(bucket, folder_tables, monkeypatch):
    """The builder cannot read an article here (its reader fails): the worker processes of the
    local cluster, which start after the endpoint is set, read every one from the bucket."""
    def no_reading_in_the_builder(source):
        raise AssertionError(f"the builder read {source.location}")

    monkeypatch.setattr(build, "read_bytes", no_reading_in_the_builder)
    assert tables(engine.build_dataset(f"s3://{BUCKET}/seeds/", workers=2)) == folder_tables


def test_the_annotations_in_the_bucket_are_used(bucket):
    """The bucket's annotations.yaml differs from the folder's by one event's label: the reviewed
    rows of that event carry the bucket's label, and none the folder's."""
    import yaml

    label = yaml.safe_load(ANNOTATIONS.read_text(encoding="utf-8"))["events"][0]["label"]
    relabelled = ANNOTATIONS.read_text(encoding="utf-8").replace(f"label: {label}\n", f"label: {label} (bucket)\n", 1)
    assert relabelled != ANNOTATIONS.read_text(encoding="utf-8")
    url = upload(bucket, "relabelled", ARTICLES)
    bucket.pipe_file(f"{BUCKET}/relabelled/{ANNOTATIONS.name}", relabelled.encode("utf-8"))
    events = engine.build_dataset(url).events
    assert set(events[events["reviewed"]]["label"]) >= {f"{label} (bucket)"}
    assert label not in set(events["label"])


def test_a_report_from_the_bucket_executes_again_only_when_an_object_changes(bucket, tmp_path, caplog):
    """The unchanged rebuild lists the bucket and downloads no article (the server logs no GET of
    one); an article rewritten by another writer, after the builder's own S3 client has listed the
    prefix, makes the next build execute."""
    from analysis.build.report import build_report

    from test_report import DEFAULTS

    url = upload(bucket, "report", [*ARTICLES, ANNOTATIONS])
    params = {**DEFAULTS, "seeds_dir": url}
    assert build_report(params, tmp_path)[1]
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="werkzeug"):
        assert not build_report(params, tmp_path)[1]
    requests = [r.getMessage() for r in caplog.records if r.name == "werkzeug"]
    assert any(f"GET /{BUCKET}?list-type=2&prefix=report/" in r for r in requests), requests  # it did look
    assert not [r for r in requests if ".txt" in r], requests
    changed = ARTICLES[0]
    bucket.pipe_file(f"{BUCKET}/report/{changed.name}", changed.read_bytes() + b"\nOne more paragraph.\n")
    assert build_report(params, tmp_path)[1]


@pytest.mark.parametrize("location, unset, message", [
    ("s3://missing-bucket/x/", (), "cannot list the articles (The specified bucket does not exist)"),
    (f"s3://{BUCKET}/nothing/", (), "cannot list the articles (nothing is there)"),
    (f"s3://{BUCKET}/notes/", (), "no articles found"),
    (f"s3://{BUCKET}/seeds/", KEYS, "cannot list the articles (Unable to locate credentials)"),
], ids=["missing bucket", "empty prefix", "no article", "no credentials"])
def test_a_bucket_or_prefix_without_articles_is_one_error_line(bucket, tmp_path, location, unset, message):
    """The real command, in its own process: exit status 1, one line naming the URL, no traceback;
    notes/ holds a CSV file and an annotations.yaml, and no article. Without keys, botocore raises
    an error of its own (no OSError)."""
    bucket.pipe_file(f"{BUCKET}/notes/readme.csv", b"a,b\n")
    bucket.pipe_file(f"{BUCKET}/notes/{ANNOTATIONS.name}", ANNOTATIONS.read_bytes())
    env = {name: value for name, value in os.environ.items() if name not in unset}
    done = subprocess.run([sys.executable, "-m", "analysis", "dataset", location, "--out", str(tmp_path / "out")],
                          cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(f"error: {location}: {message}") and len(done.stderr.splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "out").exists()
