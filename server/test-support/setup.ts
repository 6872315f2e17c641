// Loaded before every test file, as server/main.ts loads it first: see exceljs-utf8-fix.ts.
import '../platform/export/exceljs-utf8-fix.js';
