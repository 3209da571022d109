import { strict as assert } from 'node:assert';
import {
  checkOrgCode,
  checkResidentId,
  checkUscc,
  usccOrgCodePart,
  usccRegionPart,
} from '../../server/src/engine/ids/uscc';

describe('ids/uscc: unified social credit code (GB 32100-2015)', () => {
  const specValid = [
    '91350100M000100Y43',
    '91110000600037341L',
    '121100004000007713',
    '51110000500019015L',
    '115113010833722043',
    '11511301008778183N',
  ];
  for (const code of specValid) {
    it(`accepts the test vector ${code}`, () => assert.equal(checkUscc(code), undefined));
  }

  it('accepts vectors computed here and checked by hand', () => {
    // 1·1 + 1·3 + 1·9 + 1·27 = 40; 40 mod 31 = 9; 31 − 9 = 22 → N
    assert.equal(checkUscc('11110000000000000N'), undefined);
    // Σ = 2461; 2461 mod 31 = 12; 31 − 12 = 19 → K
    assert.equal(checkUscc('Y1330100MA2CFJ6K7K'), undefined);
  });

  it('reports a wrong check character with the right one', () => {
    assert.deepEqual(checkUscc('91350100M000100Y44'), { kind: 'check', expected: '3' });
    assert.deepEqual(checkUscc('11110000000000000A'), { kind: 'check', expected: 'N' });
    assert.deepEqual(checkUscc('Y1330100MA2CFJ6K7A'), { kind: 'check', expected: 'K' });
  });

  it('reports characters outside the 31-character set at their index', () => {
    assert.deepEqual(checkUscc('91350100M000100Y4I'), { kind: 'charset', index: 17 });
    assert.deepEqual(checkUscc('9135010OM000100Y43'), { kind: 'charset', index: 7 });
    assert.deepEqual(checkUscc('91350100M000100Z43'), { kind: 'charset', index: 15 });
    assert.deepEqual(checkUscc('9135 100M000100Y43'), { kind: 'charset', index: 4 });
    // lower-case i, o, z, s, v stay outside the set after upper-casing
    assert.deepEqual(checkUscc('91350100M000100Y4i'), { kind: 'charset', index: 17 });
  });

  it('reports a code that is not 18 characters', () => {
    assert.deepEqual(checkUscc('91350100M000100Y4'), { kind: 'length' });
    assert.deepEqual(checkUscc('91350100M000100Y433'), { kind: 'length' });
    assert.deepEqual(checkUscc(''), { kind: 'length' });
  });

  it('reports lower-case letters only when upper-casing repairs the code', () => {
    assert.deepEqual(checkUscc('91350100m000100y43'), { kind: 'lowercase' });
    assert.deepEqual(checkUscc('91110000600037341l'), { kind: 'lowercase' });
    assert.deepEqual(checkUscc('91350100m000100y44'), { kind: 'check', expected: '3' });
  });

  it('extracts the region part (characters 3–8) and the organisation code (characters 9–17)', () => {
    assert.equal(usccRegionPart('91350100M000100Y43'), '350100');
    assert.equal(usccOrgCodePart('91350100M000100Y43'), 'M000100Y4');
    assert.equal(usccRegionPart('11511301008778183N'), '511301');
  });
});

describe('ids/uscc: organisation code (GB 11714)', () => {
  for (const code of ['M000100Y4', '600037341', 'D2143569X']) {
    it(`accepts the test vector ${code}`, () => assert.equal(checkOrgCode(code), true));
  }

  it('accepts vectors checked by hand, including C = 11 written 0', () => {
    assert.equal(checkOrgCode('000000000'), true); // Σ = 0 → C = 11 → 0
    assert.equal(checkOrgCode('MA2CFJ6K7'), true); // Σ = 565; 565 mod 11 = 4 → C = 7
  });

  it('rejects a wrong check character, a wrong length and foreign characters', () => {
    assert.equal(checkOrgCode('600037342'), false);
    assert.equal(checkOrgCode('D21435691'), false);
    assert.equal(checkOrgCode('60003734'), false);
    assert.equal(checkOrgCode('6000373410'), false);
    assert.equal(checkOrgCode('m000100Y4'), false);
    assert.equal(checkOrgCode('M000-00Y4'), false);
  });

  it('agrees with the USCC vectors: their characters 9–17 pass', () => {
    for (const code of ['91350100M000100Y43', '91110000600037341L', '11511301008778183N']) {
      assert.equal(checkOrgCode(usccOrgCodePart(code)), true, code);
    }
  });
});

describe('ids/uscc: resident identity number (GB 11643-1999)', () => {
  it('accepts the test vectors, with upper- or lower-case X', () => {
    assert.equal(checkResidentId('11010519491231002X'), true);
    assert.equal(checkResidentId('11010519491231002x'), true);
    assert.equal(checkResidentId('110101200001010010'), true);
  });

  it('accepts vectors computed here, including a 29 February birth date', () => {
    assert.equal(checkResidentId('110105199003071239'), true);
    // Σ = 130; 130 mod 11 = 9 → "10X98765432"[9] = 3
    assert.equal(checkResidentId('110105200002290013'), true);
    assert.equal(checkResidentId('440305198511304812'), true);
  });

  it('rejects a wrong check character and impossible birth dates', () => {
    assert.equal(checkResidentId('110105194912310021'), false);
    assert.equal(checkResidentId('110105194902301234'), false);
    for (const check of '0123456789X') {
      assert.equal(checkResidentId(`11010519000229001${check}`), false, '1900 has no 29 February');
    }
  });

  it('rejects wrong lengths and characters', () => {
    assert.equal(checkResidentId('11010519491231002'), false);
    assert.equal(checkResidentId('11010519491231002XX'), false);
    assert.equal(checkResidentId('1101051949123100AX'), false);
  });
});
