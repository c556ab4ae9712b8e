// The scanner problems in plain words, Chinese and English, as the devices screen shows them: what
// happened and what to do about it on this PC's system.

import type { DeviceProblem } from '../../../shared/bridge';
import type { HidDeviceInfo } from './transport';

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** node-hid could not load or enumerate at all. */
export function hidUnavailable(platform: NodeJS.Platform, detail: string): DeviceProblem {
  const linux = platform === 'linux';
  return {
    code: 'hid_unavailable',
    message_zh: linux
      ? `本机无法使用 HID 扫描枪 (${detail})。请安装 libusb (sudo apt-get install libusb-1.0-0) 后重新启动仓财台; 键盘模式的扫描枪照常可用。`
      : `本机无法使用 HID 扫描枪 (${detail})。请重新安装仓财台; 键盘模式的扫描枪照常可用。`,
    message_en: linux
      ? `HID scanners cannot be used on this PC (${detail}). Install libusb (sudo apt-get install libusb-1.0-0) and restart the desk; keyboard-mode scanners still work.`
      : `HID scanners cannot be used on this PC (${detail}). Reinstall the desk; keyboard-mode scanners still work.`,
  };
}

/** The udev rule that lets the desk's user open this scanner on Linux. */
export function udevRule(d: Pick<HidDeviceInfo, 'vendorId' | 'productId'>): string {
  return `SUBSYSTEM=="hidraw", ATTRS{idVendor}=="${hex4(d.vendorId)}", ATTRS{idProduct}=="${hex4(d.productId)}", MODE="0660", TAG+="uaccess"`;
}

/** The scanner is there but the system would not let us open it. */
export function openFailed(platform: NodeJS.Platform, d: HidDeviceInfo, detail: string): DeviceProblem {
  if (platform === 'linux') {
    const rule = udevRule(d);
    return {
      code: 'open_failed',
      message_zh: `扫描枪 ${d.path} 打不开 (${detail}): 多半是没有权限。请在 /etc/udev/rules.d/70-branch-desk-scanner.rules 中写入一行 ${rule}, 执行 sudo udevadm control --reload && sudo udevadm trigger, 再拔插扫描枪。`,
      message_en: `Scanner ${d.path} cannot be opened (${detail}): most likely no permission. Put the line ${rule} in /etc/udev/rules.d/70-branch-desk-scanner.rules, run sudo udevadm control --reload && sudo udevadm trigger, then unplug and replug the scanner.`,
    };
  }
  return {
    code: 'open_failed',
    message_zh: `扫描枪打不开 (${detail})。请扫描说明书上的设置码, 把扫描枪切换到 HID-POS 模式 (它现在可能是键盘模式, 由系统独占), 再拔插。`,
    message_en: `The scanner cannot be opened (${detail}). Scan the setting code in its manual to switch it to HID-POS mode (it may be in keyboard mode, which the system keeps for itself), then unplug and replug it.`,
  };
}

/** A known scanner maker's device that shows up as a keyboard: it works as a wedge, but not over HID-POS. */
export function keyboardMode(): DeviceProblem {
  return {
    code: 'keyboard_mode',
    message_zh: '这把扫描枪处于键盘模式: 照常可用, 但中文输入法开着时可能出错。扫描说明书上的 HID-POS 设置码即可切换, 不受输入法影响。',
    message_en:
      'This scanner is in keyboard mode: it works, but a Chinese input method can garble its codes. Scan the HID-POS setting code in its manual to switch; HID-POS is not affected by input methods.',
  };
}

/** A report that breaks the layout, or a GS1 symbol that does not read: the scan is dropped, the screen says why. */
export function badScan(kind: 'bad_report' | 'bad_gs1', detail: string): DeviceProblem {
  return kind === 'bad_report'
    ? {
        code: kind,
        message_zh: `扫描枪发来无法识别的数据 (${detail}), 本次扫描未采用。`,
        message_en: `The scanner sent data that cannot be read (${detail}); the scan was not used.`,
      }
    : {
        code: kind,
        message_zh: `GS1 条码内容有误 (${detail}), 本次扫描未采用。`,
        message_en: `The GS1 barcode's content is wrong (${detail}); the scan was not used.`,
      };
}
