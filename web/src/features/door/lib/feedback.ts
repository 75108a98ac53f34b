/** A beep and a buzz the usher notices without looking: high and short to admit, low and long to refuse. */
let audio: AudioContext | undefined;

export function signal(admit: boolean): void {
  try {
    navigator.vibrate?.(admit ? 80 : [200, 80, 200]);
  } catch {
    // No vibration motor: sound only.
  }
  try {
    audio ??= new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.type = admit ? "sine" : "square";
    tone.frequency.value = admit ? 880 : 220;
    gain.gain.value = 0.15;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + (admit ? 0.12 : 0.4));
  } catch {
    // Audio blocked until a tap: vibration only.
  }
}
