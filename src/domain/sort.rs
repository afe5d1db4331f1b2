//! Stable sorting with one small copy of the code for the whole app.
//!
//! The standard library's `sort_by` is fast but large: every call site with its own element
//! type and comparator gets its own copy of the sorting code, several KB of wasm each. The
//! app sorts short lists (units, drafts, indicators, plan steps), so here one merge sort of
//! *indices* behind a `dyn` comparator serves every call site, and only the short
//! permutation step is generic. Same contract as `slice::sort_by`: stable, O(n log n).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp` (like `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` stably by a key (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The indices `0..n` in the order `cmp` gives, ties kept in index order: a bottom-up
/// merge sort.
fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut b = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Take from the right run only when strictly smaller: stability.
                if cmp(a[j], a[i]) == Ordering::Less {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + (mid - i)].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..k + (end - j)].copy_from_slice(&a[j..end]);
            start = end;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Rearranges `v` so that the new `v[i]` is the old `v[order[i]]`, by following cycles.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for i in 0..v.len() {
        let mut cur = i;
        while order[cur] != i {
            let next = order[cur];
            v.swap(cur, next);
            order[cur] = cur;
            cur = next;
        }
        order[cur] = cur;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // A small deterministic pseudo-random sequence with many ties.
        let mut x: u64 = 12345;
        for len in 0..60 {
            let mut v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((x >> 59) as u8, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|a| a.0);
            sort_by(&mut v, |a, b| a.0.cmp(&b.0));
            assert_eq!(v, expected, "length {len}");
        }
    }

    #[test]
    fn sorts_by_key_and_in_reverse() {
        let mut v = vec!["bb", "a", "ccc", "dd"];
        sort_by_key(&mut v, |s| s.len());
        assert_eq!(v, ["a", "bb", "dd", "ccc"]);
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, ["dd", "ccc", "bb", "a"]);
    }
}
