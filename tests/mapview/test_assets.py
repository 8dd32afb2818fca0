import pytest

from geo.mapview.assets import VENDOR_FILES, MissingAssetsError, inline_assets, install_assets


def fake_node_modules(root):
    for source in VENDOR_FILES.values():
        path = root / source
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"/* {source} */", encoding="utf-8")
    return root


def test_install_copies_every_vendor_file(tmp_path):
    written = install_assets(fake_node_modules(tmp_path / "node_modules"), tmp_path / "static")
    assert len(written) == len(VENDOR_FILES)
    assert (tmp_path / "static" / "leaflet.js").read_text() == "/* leaflet/dist/leaflet.js */"


def test_a_missing_package_file_is_named(tmp_path):
    modules = fake_node_modules(tmp_path / "node_modules")
    (modules / "leaflet/dist/leaflet.js").unlink()
    with pytest.raises(MissingAssetsError, match=r"leaflet/dist/leaflet\.js"):
        install_assets(modules, tmp_path / "static")


def test_inlining_puts_the_files_into_the_page(tmp_path):
    static = tmp_path / "static"
    (static).mkdir()
    (static / "a.js").write_text("var a = '</script>';", encoding="utf-8")
    (static / "a.css").write_text(".a{color:red}", encoding="utf-8")
    page = '<link rel="stylesheet" href="v/a.css"/><script src="v/a.js"></script><p>v/a.js</p>'
    html = inline_assets(page, "v", static)
    assert (
        html == "<style>.a{color:red}</style><script>var a = '<\\/script>';</script><p>v/a.js</p>"
    )


def test_inlining_names_an_asset_that_is_not_installed(tmp_path):
    with pytest.raises(MissingAssetsError, match=r"b\.js"):
        inline_assets('<script src="v/b.js"></script>', "v", tmp_path)
