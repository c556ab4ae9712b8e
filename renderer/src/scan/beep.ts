// Short sounds through WebAudio: a high blip for a good scan, a low double buzz for a refused one.
let ctx: AudioContext | null = null;

function audio(): AudioContext | null {
  try {
    ctx ??= new AudioContext();
    if (ctx.state === 'suspended') void ctx.resume();
    return ctx;
  } catch {
    return null;
  }
}

function tone(a: AudioContext, freq: number, start: number, dur: number, type: OscillatorType): void {
  const osc = a.createOscillator();
  const gain = a.createGain();
  osc.type = type;
  osc.frequency.value = freq;
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.25, start + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + dur);
  osc.connect(gain).connect(a.destination);
  osc.start(start);
  osc.stop(start + dur + 0.02);
}

export function beep(kind: 'ok' | 'error' | 'done' = 'ok'): void {
  const a = audio();
  if (!a) return;
  const t = a.currentTime;
  if (kind === 'ok') tone(a, 1760, t, 0.07, 'sine');
  else if (kind === 'done') {
    tone(a, 1320, t, 0.08, 'sine');
    tone(a, 1760, t + 0.1, 0.12, 'sine');
  } else {
    tone(a, 220, t, 0.18, 'square');
    tone(a, 180, t + 0.24, 0.28, 'square');
  }
}
