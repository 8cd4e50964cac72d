//! Many articles on several threads, results in input order.
//!
//! Plain scoped threads pulling the next index from one counter: an article takes tens to
//! hundreds of microseconds, so handing them out one at a time balances long and short ones
//! at no measurable cost, and a call starts its threads in microseconds, next to the
//! milliseconds a batch takes. The threads end with the call, so nothing is left running
//! in the interpreter between calls.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

/// `f` over `items` on `threads` threads (at most one an item), in input order.
pub(crate) fn map_in_order<T, R, F>(items: Vec<T>, threads: usize, f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync,
{
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.into_iter().map(f).collect();
    }
    // Each item is taken out of its slot by the one thread that drew its index.
    let items: Vec<Mutex<Option<T>>> = items.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let take = |slot: &Mutex<Option<T>>| slot.lock().unwrap_or_else(PoisonError::into_inner).take();
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(slot) = items.get(i) else { break };
                        if let Some(item) = take(slot) {
                            done.push((i, f(item)));
                        }
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            // The crate never panics; were it to, the panic goes on to PyO3, which raises it
            // in Python as a PanicException.
            let done = worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (i, r) in done {
                slots[i] = Some(r);
            }
        }
    });
    slots.into_iter().flatten().collect()
}
