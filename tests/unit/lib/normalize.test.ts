import { describe, expect, it } from 'vitest';
import { fold, foldWithMap, syllableAgrees } from '../../../lib/normalize';

describe('fold', () => {
  it('removes marks, folds case and đ', () => {
    expect(fold('Hiệp ước Bầu trời mở')).toBe('hiep uoc bau troi mo');
    expect(fold('Điện Kremlin')).toBe('dien kremlin');
    expect(fold('ĐỨC')).toBe('duc');
  });

  it('treats NFC and NFD alike', () => {
    const text = 'Tổng thống Nga Vladimir Putin';
    expect(fold(text.normalize('NFD'))).toBe(fold(text.normalize('NFC')));
  });

  it('treats old and new tone placement alike', () => {
    expect(fold('hoà')).toBe(fold('hòa'));
    expect(fold('Thuỵ Sĩ')).toBe(fold('Thụy Sĩ'));
  });

  it('collapses spaces, drops invisible characters and spaces around dashes', () => {
    expect(fold('  Nga  -\u00a0Mỹ ')).toBe('nga-my');
    expect(fold('Nga–Mỹ')).toBe('nga-my');
    expect(fold('Pu\u00adtin\u200b')).toBe('putin');
  });
});

describe('foldWithMap', () => {
  it('maps every folded character back to its span in the original', () => {
    const original = `${'Ông  Pe\u0301skov'.normalize('NFD')} – Thượng`;
    const { text, starts, ends } = foldWithMap(original);
    const at = text.indexOf('peskov');
    expect(original.slice(starts[at]!, ends[at + 'peskov'.length - 1]!)).toBe('Pe\u0301skov');
    const t = text.indexOf('thuong');
    expect(original.slice(starts[t]!, ends[t + 5]!)).toBe('Thượng');
    expect(text).toBe('ong peskov-thuong');
  });
});

describe('syllableAgrees', () => {
  it('accepts the same syllable whatever the tone placement', () => {
    expect(syllableAgrees('hoà', 'hòa')).toBe(true);
    expect(syllableAgrees('HÒA', 'hoà')).toBe(true);
  });
  it('accepts text written without marks, or with the tone missing', () => {
    expect(syllableAgrees('Ngoai', 'Ngoại')).toBe(true);
    expect(syllableAgrees('Quôc', 'Quốc')).toBe(true);
    expect(syllableAgrees('quoc', 'Quốc')).toBe(true);
  });
  it('rejects different marks', () => {
    expect(syllableAgrees('Mỹ', 'My')).toBe(false);
    expect(syllableAgrees('mở', 'mổ')).toBe(false);
    expect(syllableAgrees('Đức', 'Dực')).toBe(false);
  });
});
