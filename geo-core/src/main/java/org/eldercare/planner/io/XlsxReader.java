package org.eldercare.planner.io;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an Excel workbook ({@code .xlsx}, Office Open XML, through Apache POI) into one {@link FeatureLayer} per
 * non-empty sheet, named after the sheet. Each sheet is a table as in {@link TableRows}: the first non-empty row is the
 * header (Chinese headers are matched by the {@link AttributeMapping}), point columns ({@code 经度}/{@code 纬度},
 * {@code lon}/{@code lat}, …) or a WKT column give the geometry, the other cells are kept as text.
 *
 * <p>Cell values as text: numbers in plain decimal notation without trailing zeros ({@code 120}, {@code 116.3975},
 * never {@code 1.2E2}); formulas by their cached result (the workbook is not recalculated); dates as ISO
 * {@code yyyy-MM-dd}; booleans as {@code true}/{@code false}; blank cells as empty text. An error cell
 * ({@code #DIV/0!}, {@code #N/A}, …) is a problem naming its sheet, row and column. Rows are labelled
 * {@code (sheet <name> row <n>)} with Excel's 1-based row number. Legacy {@code .xls} files are refused with a note
 * to save them as {@code .xlsx}. Stateless; THREAD-SAFE.
 */
public final class XlsxReader {
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private XlsxReader() {}

    /** Every non-empty sheet of the workbook as a layer, in workbook order. */
    public static List<FeatureLayer> read(Path file, ReadOptions options) throws IOException {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file); Workbook wb = open(in, source)) {
            List<FeatureLayer> out = new ArrayList<>();
            Problems problems = new Problems(source);
            for (Sheet sheet : wb) {
                List<TableRows.Row> rows = rows(sheet, problems);
                if (rows.isEmpty()) {
                    continue;
                }
                try {
                    out.add(TableRows.toLayer(rows, new Problems(source), source, sheet.getSheetName(), options));
                } catch (ReadException e) {
                    e.problems().forEach(x -> problems.add(x.feature(), x.field(), x.message()));
                }
            }
            problems.throwIfAny();
            if (out.isEmpty()) {
                throw new ReadException(source, null, "sheets", "every sheet is empty: expected a header row");
            }
            return out;
        }
    }

    private static Workbook open(InputStream in, String source) throws IOException {
        try {
            return new XSSFWorkbook(in);
        } catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
                 | org.apache.poi.poifs.filesystem.OfficeXmlFileException
                 | org.apache.poi.ooxml.POIXMLException e) {
            throw new ReadException(source, null, "file", "not an Excel .xlsx workbook (" + e.getMessage()
                + "); a legacy .xls file must be saved as .xlsx first");
        } catch (org.apache.poi.UnsupportedFileFormatException e) {
            throw new ReadException(source, null, "file", "unsupported spreadsheet format: " + e.getMessage());
        }
    }

    /** The sheet's rows from its first non-empty row on; all cells as text, up to the header's last column. */
    private static List<TableRows.Row> rows(Sheet sheet, Problems problems) {
        List<TableRows.Row> rows = new ArrayList<>();
        int width = -1;
        for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum() && r >= 0; r++) {
            Row row = sheet.getRow(r);
            String where = "sheet " + sheet.getSheetName() + " row " + (r + 1);
            if (row == null || row.getLastCellNum() <= 0) {
                continue;   // an empty row (also before the header)
            }
            List<String> cells = new ArrayList<>();
            boolean broken = false;
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                String text = cell == null ? "" : text(cell, cell.getCellType());
                if (text == null) {
                    String ref = new CellReference(r, c).formatAsString();
                    problems.add(where, rows.isEmpty() ? ref : header(rows, c), "error value "
                        + FormulaError.forInt(cell.getErrorCellValue()).getString() + " in cell " + ref);
                    broken = true;
                    text = "";
                }
                cells.add(text);
            }
            while (cells.size() > Math.max(width, 1) && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);   // trailing empty cells beyond the header are not extra columns
            }
            if (cells.stream().allMatch(String::isEmpty)) {
                continue;   // cells that only carry formatting
            }
            if (width < 0) {
                width = cells.size();   // the header row
            }
            while (cells.size() < width) {
                cells.add("");   // POI ends a row at its last non-blank cell
            }
            rows.add(new TableRows.Row(where, cells, broken));
        }
        return rows;
    }

    private static String header(List<TableRows.Row> rows, int c) {
        List<String> h = rows.get(0).fields();
        return c < h.size() && !h.get(c).isBlank() ? h.get(c).strip() : "column " + (c + 1);
    }

    /** The cell as text, or null for an error value. */
    private static String text(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                ? cell.getLocalDateTimeCellValue().toLocalDate().format(ISO_DATE)
                : plain(cell.getNumericCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case FORMULA -> text(cell, cell.getCachedFormulaResultType());
            case ERROR -> null;
            case BLANK, _NONE -> "";
        };
    }

    private static String plain(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
