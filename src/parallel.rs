//! Data parallelism in one place: rayon with the `parallel` feature, the calling thread
//! without it.
//!
//! Every caller cuts its work into pieces that do not depend on the number of threads (or, for
//! the CSV reader, whose result does not depend on how the input is cut) and combines the
//! results in input order, so both builds give the same bits.

use std::ops::Range;

/// `items.iter().map(f).collect()`, over the items in parallel with the `parallel` feature;
/// the results keep the order of `items`.
pub(crate) fn map_slice<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.iter().map(f).collect()
    }
}

/// `range.map(f).collect()`, over the range in parallel with the `parallel` feature; the
/// results keep the order of `range`.
pub(crate) fn map_range<R, F>(range: Range<usize>, f: F) -> Vec<R>
where
    R: Send,
    F: Fn(usize) -> R + Sync + Send,
{
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        range.into_par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        range.map(f).collect()
    }
}

/// Calls `f(index, item)` on every item, in parallel with the `parallel` feature.
pub(crate) fn for_each_mut<T, F>(items: &mut [T], f: F)
where
    T: Send,
    F: Fn(usize, &mut T) + Sync + Send,
{
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items
            .par_iter_mut()
            .enumerate()
            .for_each(|(i, item)| f(i, item));
    }
    #[cfg(not(feature = "parallel"))]
    {
        items
            .iter_mut()
            .enumerate()
            .for_each(|(i, item)| f(i, item));
    }
}

/// How many pieces to cut a large job into: two per thread of rayon's pool with the
/// `parallel` feature, one without it.
pub(crate) fn pieces() -> usize {
    #[cfg(feature = "parallel")]
    {
        rayon::current_num_threads().max(1) * 2
    }
    #[cfg(not(feature = "parallel"))]
    {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<u64> = (0..1000).collect();
        let squares = map_slice(&items, |&x| x * x);
        assert_eq!(squares, items.iter().map(|x| x * x).collect::<Vec<_>>());
        let doubled = map_range(3..1003, |i| 2 * i);
        assert_eq!(doubled, (3..1003).map(|i| 2 * i).collect::<Vec<_>>());
        assert!(map_range(5..5, |i| i).is_empty());
        assert!(pieces() >= 1);
    }

    #[test]
    fn every_item_is_visited_once_with_its_index() {
        let mut items = vec![0usize; 1000];
        for_each_mut(&mut items, |i, item| *item += i + 1);
        assert!(items.iter().enumerate().all(|(i, &v)| v == i + 1));
    }
}
