"""Makes one workbook of a BIA's CSV tables with LibreOffice itself, as a planner would by
opening them in LibreOffice Calc: each CSV read as UTF-8 with LibreOffice's own guess of every
cell's type (numbers become numbers), each sheet named after its file (nodes.csv: "nodes"),
saved as Excel (.xlsx) and as OpenDocument (.ods) by LibreOffice's own filters.

Usage: workbook.py PROFILE_DIR OUT TABLE.csv...   (writes OUT.xlsx and OUT.ods)

Runs with Debian's /usr/bin/python3 and python3-uno; starts its own headless soffice with its own
profile, talks to it over a named pipe, and stops it.
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def main():
    profile, out, tables = sys.argv[1], sys.argv[2], sys.argv[3:]
    pipe = "kuja-interop-%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "-env:UserInstallation=" + url(profile), "--headless", "--invisible", "--norestore",
         "--nologo", "--nodefault", "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(1200):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                if office.poll() is not None:
                    sys.exit("LibreOffice exited with status %s before answering" % office.returncode)
                time.sleep(0.1)
        if context is None:
            sys.exit("LibreOffice did not answer within 120 s")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        csv = (prop("FilterName", "Text - txt - csv (StarCalc)"), prop("FilterOptions", "44,34,76,1"),
               prop("Hidden", True))
        def sheet(path):
            return os.path.splitext(os.path.basename(path))[0]

        book = desktop.loadComponentFromURL(url(tables[0]), "_blank", 0, csv)
        book.Sheets.getByIndex(0).Name = sheet(tables[0])
        for i, table in enumerate(tables[1:], start=1):
            other = desktop.loadComponentFromURL(url(table), "_blank", 0, csv)
            book.Sheets.importSheet(other, other.Sheets.getByIndex(0).Name, i)
            book.Sheets.getByIndex(i).Name = sheet(table)
            other.close(True)
        book.storeToURL(url(out + ".xlsx"), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        book.storeToURL(url(out + ".ods"), (prop("FilterName", "calc8"),))
        book.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes away with the office
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


main()
