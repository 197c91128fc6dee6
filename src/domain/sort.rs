//! One small stable sort for the app's short lists.
//!
//! `slice::sort_by` is a fast general-purpose sort, and every call site with its own element
//! type or comparison gets its own copy of it: about 3.7 KB of wasm each, 22 KB for the
//! app's six sorts. The lists sorted here are short (a few hundred check-ins at most) and
//! usually already in order, as they are stored in the order they were made; a binary
//! insertion sort is quick on them and each of its copies is a few hundred bytes.

/// Sorts `items` so that no element is `before` an earlier one, keeping equal elements in
/// their order (stable). `before(a, b)` says whether `a` must come before `b`.
pub fn stable_by<T>(items: &mut [T], mut before: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        // Binary search in the sorted front: the new element goes after every element it is
        // not before, so equal elements keep their order. A list in reverse order then costs
        // n log n comparisons and only cheap moves.
        let (mut lo, mut hi) = (0, i);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if before(&items[i], &items[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        for j in (lo..i).rev() {
            items.swap(j, j + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn it_orders_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            stable_by(&mut ours, |a, b| a.0 < b.0);
            let mut std = items;
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn a_long_list_in_reverse_order_is_sorted() {
        let mut items: Vec<u32> = (0..600).rev().collect();
        stable_by(&mut items, |a, b| a < b);
        assert!(items.windows(2).all(|w| w[0] < w[1]));
    }
}
