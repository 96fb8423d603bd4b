"""Click a workbook's form button in headless LibreOffice, through UNO.

Run by the system Python (the one python3-uno serves), not the test venv:

    python3 tests/lo_button.py SHEET OUTDIR FILE...
    python3 tests/lo_button.py macro:MODULE.NAME OUTDIR FILE...   (runs that macro instead)

With LO_CLOCK="YYYY-MM-DD HH:MM:SS" in the environment, LibreOffice runs with its clock
starting at that time (libfaketime, Debian's faketime package), so the macro's Now and
Date are the test's.

For each FILE: load it with macros allowed, find the form button on sheet SHEET, read
the script its click runs, run that script, save the workbook (as .xlsm) in OUTDIR.
Prints one JSON object per file: {"file", "buttons": [{"label", "script"}],
"seconds" (the click), "error"}. LibreOffice is started once for all files.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue

# A private profile that lets documents run their macros (security level 0) and does
# not recalculate on load (what the button computes is what is saved).
PROFILE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
 oor:name="MacroSecurityLevel" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
 oor:name="DisableMacrosExecution" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def props(**kw):
    out = []
    for k, v in kw.items():
        p = PropertyValue()
        p.Name, p.Value = k, v
        out.append(p)
    return tuple(out)


def connect(pipe: str, proc: subprocess.Popen, timeout: float = 60):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + timeout
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("LibreOffice did not start")
            time.sleep(0.3)


def buttons(doc, sheet_name: str) -> list[dict]:
    """The form buttons on a sheet, with the script each one's click runs."""
    sheet = doc.Sheets.getByName(sheet_name)
    found = []
    forms = sheet.DrawPage.Forms
    for i in range(forms.Count):
        form = forms.getByIndex(i)
        for j in range(form.Count):
            control = form.getByIndex(j)
            scripts = [e.ScriptCode for e in form.getScriptEvents(j)
                       if e.ScriptCode and "actionPerformed" in e.EventMethod]
            if not scripts:
                scripts = [e.ScriptCode for e in form.getScriptEvents(j) if e.ScriptCode]
            found.append({"label": getattr(control, "Label", ""),
                          "script": scripts[0] if scripts else ""})
    return found


def click(desktop, path: Path, sheet_name: str, outdir: Path) -> dict:
    result = {"file": str(path), "buttons": [], "seconds": None, "error": None}
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(path.resolve())), "_blank",
                                       0, props(Hidden=True, MacroExecutionMode=4))
    try:
        if sheet_name.startswith("macro:"):
            scripts = [f"vnd.sun.star.script:VBAProject.{sheet_name[6:]}"
                       "?language=Basic&location=document"]
        else:
            result["buttons"] = buttons(doc, sheet_name)
            scripts = [b["script"] for b in result["buttons"] if b["script"]]
        if not scripts:
            result["error"] = f"no button with a script on {sheet_name}"
            return result
        script = doc.getScriptProvider().getScript(scripts[0])
        start = time.perf_counter()
        returned = script.invoke((), (), ())
        result["returned"] = returned[0] if returned and isinstance(returned[0], str) else None
        result["seconds"] = time.perf_counter() - start
        out = outdir / (path.stem + ".xlsm")
        doc.storeToURL(uno.systemPathToFileUrl(str(out.resolve())),
                       props(FilterName="Calc MS Excel 2007 VBA XML"))
        result["saved"] = str(out)
    except Exception as exc:  # reported to the test, which fails on it
        result["error"] = f"{type(exc).__name__}: {exc}"
    finally:
        doc.close(True)
    return result


def clock(start: str) -> dict[str, str]:
    """The environment that starts a program's clock at ``start`` (libfaketime)."""
    import glob
    found = sorted(glob.glob("/usr/lib/*/faketime/libfaketimeMT.so.1"))
    if not found:
        raise RuntimeError("libfaketime is missing: apt-get install -y faketime")
    return {"LD_PRELOAD": found[0], "FAKETIME": "@" + start, "FAKETIME_DONT_RESET": "1"}


def main(argv: list[str]) -> int:
    sheet_name, outdir, files = argv[0], Path(argv[1]), [Path(p) for p in argv[2:]]
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="xlplan-lo-") as prof:
        user = Path(prof) / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(PROFILE_XCU)
        pipe = f"xlplan{os.getpid()}"
        soffice = os.environ.get("SOFFICE", "soffice")
        env = {**os.environ, "HOME": prof}
        if os.environ.get("LO_CLOCK"):
            env.update(clock(os.environ["LO_CLOCK"]))
        proc = subprocess.Popen(
            [soffice, "--headless", "--invisible", "--norestore", "--nologo",
             "--nodefault", f"-env:UserInstallation=file://{prof}",
             f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=env)
        try:
            desktop = connect(pipe, proc)
            for f in files:
                print(json.dumps(click(desktop, f, sheet_name, outdir)), flush=True)
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge closes as LibreOffice quits
            proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
