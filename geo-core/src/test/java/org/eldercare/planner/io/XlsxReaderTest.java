package org.eldercare.planner.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.InputProblem;
import org.eldercare.planner.model.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bureau's facility inventory in Excel: Chinese headers, numbers, a formula, a date, a notes sheet. */
class XlsxReaderTest {
    @TempDir
    Path dir;

    /** 养老机构 sheet: a title row above the header is not allowed, but an empty first row is. */
    private Path inventory(boolean withErrorCell) throws IOException {
        Path file = dir.resolve("养老机构清单.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("养老机构");
            row(s, 1, "编号", "名称", "类型", "床位数", "护理型床位数", "运营方式", "经度", "纬度", "备案日期");
            Row r1 = row(s, 2, "F1", "城关镇敬老院", "乡镇敬老院");
            r1.createCell(3).setCellFormula("60*2");
            r1.createCell(4).setCellValue(40);
            r1.createCell(5).setCellValue("公建民营");
            r1.createCell(6).setCellValue(116.3975);
            r1.createCell(7).setCellValue(39.9087);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            r1.createCell(8).setCellValue(LocalDate.of(2021, 6, 30));
            r1.getCell(8).setCellStyle(date);
            Row r2 = row(s, 3, "F2", "东门日间照料中心", "日间照料中心");
            if (withErrorCell) {
                r2.createCell(3).setCellErrorValue(FormulaError.DIV0.getCode());
            } else {
                r2.createCell(3).setCellValue(0);
            }
            r2.createCell(6).setCellValue(116.41);
            r2.createCell(7).setCellValue(39.92);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();   // cached results, as Excel saves them
            Sheet notes = wb.createSheet("说明");
            row(notes, 0, "字段", "含义");
            row(notes, 1, "床位数", "核定床位");
            wb.createSheet("空表");
            wb.write(out);
        }
        return file;
    }

    private static Row row(Sheet s, int index, String... cells) {
        Row r = s.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            r.createCell(i).setCellValue(cells[i]);
        }
        return r;
    }

    @Test
    void eachNonEmptySheetIsALayerAndFacilitiesMapThroughTheChineseHeaders() throws IOException {
        Path file = inventory(false);
        List<FeatureLayer> layers = LayerFiles.read(file, ReadOptions.china());
        assertEquals(List.of("养老机构", "说明"), layers.stream().map(FeatureLayer::name).toList());
        FeatureLayer homes = LayerFiles.readLayer(file, "养老机构", ReadOptions.china());
        assertEquals("120", homes.features().get(0).properties().get("床位数"), "a formula by its cached value");
        assertEquals("2021-06-30", homes.features().get(0).properties().get("备案日期"));
        assertEquals("", homes.features().get(1).properties().get("护理型床位数"), "a blank cell is empty text");
        List<Facility> fs = new LayerMapper(AttributeMapping.defaults()).facilities(homes);
        Facility f1 = fs.get(0);
        assertEquals("城关镇敬老院", f1.name());
        assertEquals(FacilityKind.TOWNSHIP_NURSING_HOME, f1.kind());
        assertEquals(120, f1.beds());
        assertEquals(40, f1.nursingBeds());
        assertEquals(Operator.PUBLIC_BUILT_PRIVATE_RUN, f1.operator().orElseThrow());
        assertEquals(116.3975, f1.location().getX(), 0.0);
        assertEquals(39.9087, f1.location().getY(), 0.0);
        assertEquals(FacilityKind.DAY_CARE_CENTRE, fs.get(1).kind());
        assertNull(layers.get(1).features().get(0).geometry(), "a sheet without coordinates is attributes only");
    }

    @Test
    void anErrorCellIsAProblemNamingSheetRowAndColumn() throws IOException {
        Path file = inventory(true);
        ReadException e = assertThrows(ReadException.class, () -> LayerFiles.read(file, ReadOptions.china()));
        InputProblem p = e.problems().get(0);
        assertEquals(file.toString(), p.file());
        assertEquals("sheet 养老机构 row 4", p.feature());
        assertEquals("床位数", p.field());
        assertTrue(p.message().contains("#DIV/0!") && p.message().contains("D4"), p.message());
    }

    @Test
    void aBadCoordinateNamesTheRowAndColumn() throws IOException {
        Path file = dir.resolve("bad.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("设施");
            row(s, 0, "编号", "经度", "纬度");
            row(s, 1, "A", "116.4", "北纬39度");
            wb.write(out);
        }
        ReadException e = assertThrows(ReadException.class, () -> LayerFiles.read(file, ReadOptions.china()));
        InputProblem p = e.problems().get(0);
        assertEquals("#0 (sheet 设施 row 2)", p.feature());
        assertEquals("纬度", p.field());
    }

    @Test
    void writtenSheetsReadBackWithTheirNumbersTextAndPoints() throws IOException {
        Path file = dir.resolve("out.xlsx");
        var p1 = org.eldercare.planner.model.Geometries.point(116.3975, 39.9087);
        var p2 = org.eldercare.planner.model.Geometries.point(116.41, 39.92);
        java.util.Map<String, Object> a = new java.util.LinkedHashMap<>();
        a.put("名称", "城关镇敬老院");
        a.put("床位数", 120L);
        a.put("覆盖率", 0.875);
        a.put("公办", true);
        java.util.Map<String, Object> b = new java.util.LinkedHashMap<>();
        b.put("名称", "东门日间照料中心");
        b.put("床位数", 0L);
        b.put("单元", List.of("360681001", "360681002"));
        LayerFiles.write(file, "设施", List.of(new Feature("F1", p1, a), new Feature("F2", p2, b)),
            org.eldercare.planner.crs.Crs.WGS84);
        LayerFiles.write(file, "说明", List.of(new Feature("", null, java.util.Map.of("字段", "床位数"))),
            org.eldercare.planner.crs.Crs.WGS84);
        // writing 设施 again replaces that sheet and keeps 说明
        LayerFiles.write(file, "设施", List.of(new Feature("F1", p1, a), new Feature("F2", p2, b)),
            org.eldercare.planner.crs.Crs.WGS84);
        List<FeatureLayer> back = LayerFiles.read(file, ReadOptions.china());
        assertEquals(List.of("设施", "说明"), back.stream().map(FeatureLayer::name).toList());
        FeatureLayer facilities = back.get(0);
        assertEquals("F1", facilities.features().get(0).id());
        assertEquals("120", facilities.features().get(0).properties().get("床位数"));
        assertEquals("0.875", facilities.features().get(0).properties().get("覆盖率"));
        assertEquals("true", facilities.features().get(0).properties().get("公办"));
        assertEquals("[\"360681001\",\"360681002\"]", facilities.features().get(1).properties().get("单元"));
        assertEquals(116.3975, ((org.locationtech.jts.geom.Point) facilities.features().get(0).geometry()).getX(),
            0.0);
        assertEquals(39.92, ((org.locationtech.jts.geom.Point) facilities.features().get(1).geometry()).getY(), 0.0);
    }

    @Test
    void aFileThatIsNotXlsxIsRefusedWithANote() throws IOException {
        Path file = dir.resolve("old.xlsx");
        Files.writeString(file, "编号,名称\nF1,敬老院\n");
        ReadException e = assertThrows(ReadException.class, () -> LayerFiles.read(file, ReadOptions.china()));
        assertTrue(e.getMessage().contains(".xlsx"), e.getMessage());
    }
}
