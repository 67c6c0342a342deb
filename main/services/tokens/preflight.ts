import { errorMessageVi, errorTextVi } from '../../../preload/contract/error-messages.vi.ts';
import { isVanthuError, type ErrorCode } from '../../../preload/contract/vanthu-error.ts';
import type {
  PreflightCheck,
  PreflightRequest,
  PreflightResult,
  SignerRole,
} from '../../../preload/contract/tokens.ts';
import type { TokenSummary } from '../../../preload/contract/tokens.ts';
import { loadModule } from '../../../native/pkcs11/module.ts';
import { describeToken } from './discovery.ts';
import { findToken } from './find-token.ts';
import { applyRoleOverrides, type RoleOverrides } from './role-override.ts';

const DAY = 86_400_000;
/** Warn this long before expiry: renewal at a Vietnamese CA takes days to weeks. */
export const EXPIRY_WARNING_DAYS = 30;
const SIGNING_USAGES = ['digitalSignature', 'nonRepudiation'];
const ROLE_NAMES: Record<SignerRole, string> = { personal: 'cá nhân', organization: 'cơ quan, tổ chức' };

function fail(name: PreflightCheck['name'], code: ErrorCode, detail?: string): PreflightCheck {
  return { name, status: 'fail', code, message: errorMessageVi(code, detail) };
}

/**
 * Pre-flight checks on an already described token, before any PIN prompt: certificate present,
 * valid now and not expiring soon, allowed to sign, of the role the step needs, PIN not locked.
 */
export function preflightChecks(
  token: TokenSummary,
  keyIdHex: string,
  role: SignerRole | undefined,
  now: Date,
): PreflightResult {
  const checks: PreflightCheck[] = [{ name: 'token', status: 'ok', message: `Đã thấy token "${token.label}".` }];
  const certificate = token.certificates.find((c) => c.keyIdHex === keyIdHex.toLowerCase());
  if (certificate === undefined) {
    checks.push(fail('certificate', 'KEY_NOT_FOUND', `Không có chứng thư số với mã khóa ${keyIdHex}.`));
    return { ok: false, checks };
  }
  checks.push({ name: 'certificate', status: 'ok', message: `Chứng thư số: ${certificate.commonName}.` });

  const notBefore = Date.parse(certificate.notBefore);
  const notAfter = Date.parse(certificate.notAfter);
  if (now.getTime() < notBefore) {
    checks.push(fail('validity', 'CERT_NOT_YET_VALID', `Có hiệu lực từ ${certificate.notBefore.slice(0, 10)}.`));
  } else if (now.getTime() > notAfter) {
    checks.push(fail('validity', 'CERT_EXPIRED', `Hết hạn ngày ${certificate.notAfter.slice(0, 10)}.`));
  } else {
    checks.push({ name: 'validity', status: 'ok', message: 'Chứng thư số đang có hiệu lực.' });
    const daysLeft = Math.floor((notAfter - now.getTime()) / DAY);
    checks.push(
      daysLeft < EXPIRY_WARNING_DAYS
        ? {
            name: 'expiry',
            status: 'warn',
            code: 'CERT_EXPIRED',
            message: `Chứng thư số sẽ hết hạn sau ${daysLeft} ngày (${certificate.notAfter.slice(0, 10)}). ${errorTextVi.CERT_EXPIRED.action}`,
          }
        : { name: 'expiry', status: 'ok', message: `Còn ${daysLeft} ngày hiệu lực.` },
    );
  }

  const canSign =
    certificate.keyUsage.length === 0 || certificate.keyUsage.some((usage) => SIGNING_USAGES.includes(usage));
  checks.push(
    canSign
      ? { name: 'key-usage', status: 'ok', message: 'Chứng thư số được phép dùng để ký.' }
      : fail('key-usage', 'CERT_KEY_USAGE', `Mục đích sử dụng: ${certificate.keyUsage.join(', ')}.`),
  );

  if (role !== undefined) {
    // A guess from the subject, so a mismatch warns rather than blocks: the user may override it.
    checks.push(
      certificate.roleGuess === role
        ? { name: 'role', status: 'ok', message: `Chứng thư số của ${ROLE_NAMES[role]}.` }
        : {
            name: 'role',
            status: 'warn',
            code: 'CERT_ROLE_MISMATCH',
            message: errorMessageVi(
              'CERT_ROLE_MISMATCH',
              `Bước này cần chứng thư số ${ROLE_NAMES[role]}, chứng thư này có vẻ là của ${ROLE_NAMES[certificate.roleGuess]}.`,
            ),
          },
    );
  }

  checks.push(pinCheck(token.flags));
  return { ok: checks.every((c) => c.status !== 'fail'), checks, certificate };
}

function pinCheck(flags: TokenSummary['flags']): PreflightCheck {
  if (flags.userPinLocked) {
    return fail('pin', 'PIN_LOCKED');
  }
  if (!flags.userPinInitialized) {
    return fail('pin', 'PIN_EXPIRED', 'Token chưa được đặt mã PIN người dùng.');
  }
  if (flags.userPinFinalTry) {
    return {
      name: 'pin',
      status: 'warn',
      code: 'PIN_INCORRECT',
      message: 'Chỉ còn 1 lần nhập PIN; nhập sai nữa token sẽ bị khóa.',
    };
  }
  if (flags.userPinCountLow) {
    return {
      name: 'pin',
      status: 'warn',
      code: 'PIN_INCORRECT',
      message: 'Đã có lần nhập sai PIN; số lần thử còn lại đã ít.',
    };
  }
  if (flags.userPinToBeChanged) {
    return { name: 'pin', status: 'warn', code: 'PIN_EXPIRED', message: errorTextVi.PIN_EXPIRED.message };
  }
  if (flags.protectedAuthenticationPath) {
    return { name: 'pin', status: 'ok', message: 'Nhập PIN trên bàn phím của thiết bị.' };
  }
  return { name: 'pin', status: 'ok', message: 'Mã PIN chưa bị khóa.' };
}

/**
 * Pre-flight against the real token, with the user's role overrides in place of the guesses.
 * A missing token or module is a failed check, not a throw.
 */
export function runPreflight(
  request: PreflightRequest,
  roleOverrides: RoleOverrides = {},
  now: Date = new Date(),
): PreflightResult {
  try {
    const module = loadModule(request.modulePath);
    const { slot, info } = findToken(module, request.token);
    const token = applyRoleOverrides(describeToken(module, slot, info), roleOverrides);
    return preflightChecks(token, request.keyIdHex, request.role, now);
  } catch (error) {
    if (isVanthuError(error)) {
      return { ok: false, checks: [{ name: 'token', status: 'fail', code: error.code, message: error.message }] };
    }
    throw error;
  }
}
