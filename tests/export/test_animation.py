import datetime as dt
import itertools
from pathlib import Path

import pytest

from geo.errors import InputError
from geo.export.animation import (
    Step,
    animate_features,
    animation_page,
    default_step,
    frame_label,
    frame_windows,
    output_format,
    parse_step,
    write_animation,
)
from geo.schema import DateWindow
from tests.mapview.examples import place

D = dt.date
needs_chromium = pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists(), reason="Debian's chromium is not installed"
)
# a town taken on the 2nd, another on the 12th, a third on the 23rd of January
JANUARY = [
    place("first", 43.1, 36.3, start="2017-01-02", end="2017-01-02"),
    place("second", 42.4, 34.4, start="2017-01-12", end="2017-01-12"),
    place("third", 41.1, 34.4, start="2017-01-23", end="2017-01-23", event_type="airstrike"),
]


def test_a_step_is_read_with_its_unit():
    assert parse_step("1w") == Step(1, "w")
    assert parse_step("3d") == Step(3, "d")
    assert parse_step("2M") == Step(2, "m")


@pytest.mark.parametrize("bad", ["0w", "2x", "w", "1.5w", "-1d", ""])
def test_a_bad_step_is_refused_by_name(bad):
    with pytest.raises(InputError, match=repr(bad)):
        parse_step(bad)


def test_a_month_step_keeps_the_day_or_takes_the_months_last():
    assert Step(1, "m").after(D(2017, 1, 15)) == D(2017, 2, 15)
    assert Step(1, "m").after(D(2017, 1, 31)) == D(2017, 2, 28)
    assert Step(1, "y").after(D(2016, 2, 29)) == D(2017, 2, 28)


def test_weekly_frames_cover_the_period_without_a_day_twice():
    windows = frame_windows(D(2017, 1, 1), D(2017, 1, 31), Step(1, "w"))
    assert windows[0] == DateWindow(D(2017, 1, 1), D(2017, 1, 7))
    assert windows[-1] == DateWindow(D(2017, 1, 29), D(2017, 1, 31))
    assert len(windows) == 5
    assert all(b.start - a.end == dt.timedelta(days=1) for a, b in itertools.pairwise(windows))


def test_frames_that_end_before_they_start_are_refused():
    with pytest.raises(InputError, match="2017-01-01"):
        frame_windows(D(2017, 2, 1), D(2017, 1, 1), Step(1, "w"))


def test_too_many_frames_are_refused_with_the_step_named():
    with pytest.raises(InputError, match="1d"):
        frame_windows(D(2000, 1, 1), D(2017, 1, 1), Step(1, "d"))


def test_the_default_step_cuts_a_window_in_about_twelve_frames():
    assert default_step(DateWindow(D(2017, 1, 1), D(2017, 1, 12))) == Step(1, "d")
    assert default_step(DateWindow(D(2017, 1, 1), D(2017, 3, 31))) == Step(1, "w")
    assert default_step(DateWindow(D(2016, 1, 1), D(2017, 12, 31))) == Step(2, "m")


def test_a_one_day_frame_is_stamped_with_one_date():
    assert frame_label(DateWindow(D(2017, 1, 5), D(2017, 1, 5))) == "05 Jan 2017"
    assert frame_label(DateWindow(D(2017, 1, 5), D(2017, 1, 11))) == "05 Jan 2017 – 11 Jan 2017"


@pytest.mark.parametrize("name", ["map.avi", "map", "map.gif.txt"])
def test_an_unknown_suffix_is_refused_by_name(name):
    with pytest.raises(InputError, match=repr(name)):
        output_format(Path(name))


def test_the_animation_page_holds_every_frames_events_and_a_stamp_but_draws_none():
    html, layers = animation_page(JANUARY, DateWindow(D(2017, 1, 1), D(2017, 1, 31)))
    assert layers == ("Places",)
    assert all(f'"{f["id"]}"' in html for f in JANUARY)  # in the inlined feed
    assert "gm-stamp" in html and "fetch(" not in html.split("window.gmFeed")[1][:40]


def test_text_of_an_event_cannot_close_the_pages_script():
    sneaky = place("sneaky", 43.0, 36.0, quote="</script><script>alert(1)</script>")
    html, _ = animation_page([sneaky], DateWindow(D(2017, 1, 1), D(2017, 1, 31)))
    assert "</script><script>alert(1)" not in html


@pytest.fixture(scope="module")
def january_gif(tmp_path_factory):
    out = tmp_path_factory.mktemp("animation") / "january.gif"
    windows = frame_windows(D(2017, 1, 1), D(2017, 1, 31), Step(10, "d"))
    return out, animate_features(JANUARY, windows, out)


@pytest.mark.browser
@needs_chromium
def test_the_gif_has_one_frame_per_window(january_gif):
    import imageio.v3 as iio

    out, frames = january_gif
    assert iio.imread(out, index=None).shape[0] == len(frames) == 4


@pytest.mark.browser
@needs_chromium
def test_each_frame_shows_its_own_dates(january_gif):
    _, frames = january_gif
    assert [f.stamp for f in frames] == [
        "01 Jan 2017 – 10 Jan 2017",
        "11 Jan 2017 – 20 Jan 2017",
        "21 Jan 2017 – 30 Jan 2017",
        "31 Jan 2017",
    ]


@pytest.mark.browser
@needs_chromium
def test_frames_with_other_events_look_different(january_gif):
    import imageio.v3 as iio

    out, _ = january_gif
    images = iio.imread(out, index=None)
    assert all((a != b).any() for a, b in itertools.pairwise(images))


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("suffix", [".mp4", ".webm"])
def test_the_video_can_be_read_back_frame_by_frame(january_gif, tmp_path, suffix):
    import imageio.v3 as iio

    _, frames = january_gif
    out = write_animation(frames, tmp_path / f"january{suffix}")
    video = iio.imread(out, index=None, plugin="FFMPEG")
    assert video.shape == (4, 640, 1024, 3)
