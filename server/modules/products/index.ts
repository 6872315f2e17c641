export { products, productVariants, productUnits, productCategories } from './products.table.js';
export { loadStockItems, defaultVariantIds, type StockItem } from './stock-items.js';
