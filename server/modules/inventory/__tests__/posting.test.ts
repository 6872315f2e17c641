import { describe, expect, it } from 'vitest';
import { qty } from '../../../../common/quantity.js';
import { applyMovements, balanceKey, compareKeys, planMovements, reverseMovements, type BalanceFigures } from '../domain/posting.js';

const W1 = '11111111-0000-4000-8000-000000000000';
const W2 = '22222222-0000-4000-8000-000000000000';
const V = 'aaaaaaaa-0000-4000-8000-000000000000';
const line = (q: string, q2: string | null = null) => ({ index: 0, lineId: 'l1', productId: 'p', variantId: V, quantity: qty(q), quantity2: q2 === null ? null : qty(q2) });
const bal = (onHand: string, reserved = '0'): BalanceFigures => ({ onHand: qty(onHand), onHand2: 0n, reserved: qty(reserved) });
const none = () => false;

describe('planMovements', () => {
  it('transfer: out of the source, into the destination', () => {
    const m = planMovements({ kind: 'transfer', warehouseId: W1, toWarehouseId: W2 }, [line('3')], () => bal('0'));
    expect(m.map((x) => [x.warehouseId, x.quantity, x.checkSellable])).toEqual([[W1, -3_000_000n, true], [W2, 3_000_000n, false]]);
  });
  it('adjustment: the difference to the count, nothing when equal, lines of one variant add up', () => {
    expect(planMovements({ kind: 'adjustment', warehouseId: W1, toWarehouseId: null }, [line('7')], () => bal('10'))[0]!.quantity).toBe(-3_000_000n);
    expect(planMovements({ kind: 'adjustment', warehouseId: W1, toWarehouseId: null }, [line('10')], () => bal('10'))).toEqual([]);
    expect(planMovements({ kind: 'adjustment', warehouseId: W1, toWarehouseId: null }, [line('4'), { ...line('8'), index: 1 }], () => bal('10'))[0]!.quantity).toBe(2_000_000n);
  });
  it('exit permit moves nothing', () => {
    expect(planMovements({ kind: 'exit_permit', warehouseId: W1, toWarehouseId: null }, [line('1')], () => bal('1'))).toEqual([]);
  });
});

describe('applyMovements', () => {
  it('running balance per movement and a shortage when sellable would go negative', () => {
    const balances = new Map([[balanceKey(W1, V), bal('5', '2')]]);
    const planned = planMovements({ kind: 'issue', warehouseId: W1, toWarehouseId: null }, [line('2'), { ...line('2'), index: 1 }], () => bal('5'));
    const r = applyMovements(planned, balances, { negativeAllowed: none });
    expect(r.applied.map((a) => a.balanceAfter)).toEqual([3_000_000n, 1_000_000n]);
    expect(r.shortages).toEqual([{ warehouseId: W1, variantId: V, lineIndex: 0, sellable: 3_000_000n, requested: 4_000_000n }]);
    expect(applyMovements(planned, balances, { negativeAllowed: () => true }).shortages).toEqual([]);
  });
  it('consuming a reservation: the reserved part is released in the same step', () => {
    const k = balanceKey(W1, V);
    const planned = planMovements({ kind: 'issue', warehouseId: W1, toWarehouseId: null }, [line('2')], () => bal('2'));
    const r = applyMovements(planned, new Map([[k, bal('2', '2')]]), { negativeAllowed: none, released: new Map([[k, qty('2')]]) });
    expect(r.shortages).toEqual([]);
    expect(r.after.get(k)).toEqual({ onHand: 0n, onHand2: 0n, reserved: 0n });
  });
  it('a reversal is the exact opposite and checks what it takes away', () => {
    const rev = reverseMovements([{ warehouseId: W1, variantId: V, productId: 'p', lineId: null, lineIndex: 0, quantity: 5n, quantity2: null }]);
    expect(rev[0]).toMatchObject({ quantity: -5n, checkSellable: true });
  });
  it('locks in (warehouse, variant) order', () => {
    const keys = [{ warehouseId: W2, variantId: V }, { warehouseId: W1, variantId: 'b' }, { warehouseId: W1, variantId: 'a' }].sort(compareKeys);
    expect(keys.map((k) => `${k.warehouseId.slice(0, 1)}${k.variantId.slice(0, 1)}`)).toEqual(['1a', '1b', '2a']);
  });
});
