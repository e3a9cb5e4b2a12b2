export async function historyBench() {
  return 'history: TODO';
}
