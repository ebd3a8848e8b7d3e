package org.eldercare.planner.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eldercare.planner.crs.Crs;

/**
 * Writes features as one sheet of an Excel workbook ({@code .xlsx}, Apache POI), in the columns of
 * {@link TableLayout} (the same as {@link CsvWriter}, so {@link XlsxReader} reads it back): numbers as numeric cells,
 * booleans as boolean cells, lists and maps as JSON text, the header row bold and frozen. The sheet is named after the
 * layer (Excel's rules: at most 31 characters, no {@code []:*?/\}); other sheets of an existing workbook are kept and
 * a sheet of the same name is replaced. The file is written to a temporary sibling and moved into place, so a failed
 * write leaves the old workbook. Stateless; THREAD-SAFE.
 */
public final class XlsxWriter {
    private XlsxWriter() {}

    public static void write(Path file, String layer, List<Feature> features, Crs target) throws IOException {
        String name = WorkbookUtil.createSafeSheetName(layer == null || layer.isBlank() ? "layer" : layer);
        XSSFWorkbook wb;
        if (Files.isRegularFile(file) && Files.size(file) > 0) {
            try (InputStream in = Files.newInputStream(file)) {
                wb = new XSSFWorkbook(in);
            } catch (RuntimeException e) {
                throw new ReadException(file.toString(), null, "file", "exists but is not an .xlsx workbook; not "
                    + "overwritten (" + e.getMessage() + ")");
            }
        } else {
            wb = new XSSFWorkbook();
        }
        try (wb) {
            int old = wb.getSheetIndex(name);
            if (old >= 0) {
                wb.removeSheetAt(old);
            }
            Sheet sheet = wb.createSheet(name);
            if (old >= 0) {
                wb.setSheetOrder(name, Math.min(old, wb.getNumberOfSheets() - 1));
            }
            TableLayout table = TableLayout.of(features, target);
            XSSFCellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Row head = sheet.createRow(0);
            for (int c = 0; c < table.header().size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(table.header().get(c));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (Feature feature : features) {
                Row row = sheet.createRow(r++);
                List<Object> values = table.row(feature);
                for (int c = 0; c < values.size(); c++) {
                    put(row.createCell(c), values.get(c));
                }
            }
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".planner-", ".xlsx");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    wb.write(out);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void put(Cell cell, Object v) throws IOException {
        if (v == null) {
            cell.setBlank();
        } else if (v instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (v instanceof Number n && !(v instanceof BigDecimal bd && bd.precision() > 15)) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("property value " + d + " is not finite");
            }
            cell.setCellValue(d);
        } else {   // text, and lists or maps as JSON text
            cell.setCellValue(CsvWriter.text(v));
        }
    }
}
