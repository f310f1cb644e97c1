// The line diff shared by the demo (which prints it) and the packed-install test (which stores its hunks).

/** The edit script that turns `before` into `after`, line by line, from a longest common subsequence. */
export function lineEdits(before, after) {
  // common[i][j]: length of the longest common subsequence of before[i..] and after[j..].
  const common = Array.from({ length: before.length + 1 }, () => new Uint32Array(after.length + 1));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const edits = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      edits.push({ op: " ", text: before[i], oldLine: ++i, newLine: ++j });
    } else if (i < before.length && (j === after.length || common[i + 1][j] >= common[i][j + 1])) {
      edits.push({ op: "-", text: before[i], oldLine: ++i, newLine: j });
    } else {
      edits.push({ op: "+", text: after[j], oldLine: i, newLine: ++j });
    }
  }
  return edits;
}
