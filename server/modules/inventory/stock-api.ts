// What other modules call (sales documents will deduct stock on confirmation): each function runs in the
// caller's transaction, so the sale and its stock movement commit or roll back together.
import type { StockLineInput } from '../../../common/contracts/inventory.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { documentDetail } from './stock-documents.repository.js';
import { confirmInTx, insertDocument } from './stock-documents.service.js';
import type { PostOptions } from './stock-posting.js';

export type StockMoveInput = {
  warehouseId: string;
  lines: Pick<StockLineInput, 'productId' | 'variantId' | 'quantity' | 'quantity2' | 'description'>[];
  /** The business document served, e.g. `invoice:<id>`: shown on the stock card, searchable. */
  reference?: string | null;
  description?: string | null;
  /** Default: today. */
  docDate?: Date;
};

async function move(tx: Tx, ctx: Ctx, kind: 'issue' | 'receipt', input: StockMoveInput, opts: PostOptions = {}) {
  const { doc } = await insertDocument(tx, ctx, {
    kind, docDate: input.docDate ?? ctx.now(), warehouseId: input.warehouseId, toWarehouseId: null, sourceDocumentId: null,
    reference: input.reference ?? null, description: input.description ?? null,
    lines: input.lines.map((l) => ({ productId: l.productId ?? null, variantId: l.variantId ?? null, quantity: l.quantity, quantity2: l.quantity2 ?? null, description: l.description ?? null })),
  });
  await confirmInTx(tx, ctx, doc.id, opts);
  return documentDetail(tx, ctx.tenantId, doc.id);
}

/** A confirmed issue slip (حواله): stock leaves the warehouse; refused if sellable stock would go below zero. */
export const issueStock = (tx: Tx, ctx: Ctx, input: StockMoveInput, opts: PostOptions = {}) => move(tx, ctx, 'issue', input, opts);

/** A confirmed goods receipt (رسید): stock enters the warehouse. */
export const receiveStock = (tx: Tx, ctx: Ctx, input: StockMoveInput) => move(tx, ctx, 'receipt', input);
