// Shared by the profile-*.mjs scripts: self time per function from a CDP CPU profile.

// Adds the self time (ms) of each function sampled in `profile` (`Profiler.stop`'s) into `into`,
// a Map of function name -> ms. Unnamed frames are named by their script, or `(anon)`.
export function addSelfTimes(profile, into) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = byId.get(profile.samples[i]).callFrame;
    const name = frame.functionName || `(${frame.url.split('/').pop() || 'anon'})`;
    into.set(name, (into.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  return into;
}
