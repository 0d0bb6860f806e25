//! Component tests in headless Chromium for `ui::incremental`: slow work
//! over a list fills in one item at a time, in order, after the browser
//! paints; finished results are reused when the list is reordered, and
//! results still asked for are never dropped to make room.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test helpers: a failed unwrap is a failed test, with its line.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use flywheel::ui::incremental::Finished;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

static CALLS: AtomicUsize = AtomicUsize::new(0);

fn times_ten(k: &u32) -> u32 {
    CALLS.fetch_add(1, Ordering::SeqCst);
    k * 10
}

/// Waits until no result is missing and returns every state `results`
/// went through. An effect records each change as it happens (effects run
/// before the browser's next task), so a slow or throttled timer between
/// polls cannot merge two states into one.
async fn until_done(results: Memo<Vec<Option<Arc<u32>>>>) -> Vec<Vec<Option<u32>>> {
    let seen: Rc<RefCell<Vec<Vec<Option<u32>>>>> = Rc::default();
    let watcher = Owner::current()
        .expect("a test runs under an owner")
        .child();
    watcher.with(|| {
        let seen = seen.clone();
        Effect::new(move || {
            let now: Vec<Option<u32>> = results
                .get()
                .iter()
                .map(|r| r.as_deref().copied())
                .collect();
            let mut seen = seen.borrow_mut();
            if seen.last() != Some(&now) {
                seen.push(now);
            }
        });
    });
    for _ in 0..2000 {
        TimeoutFuture::new(1).await;
        let done = seen
            .borrow()
            .last()
            .is_some_and(|now| now.iter().all(Option::is_some));
        if done {
            watcher.cleanup();
            return seen.take();
        }
    }
    panic!("the work never finished: {:?}", seen.borrow());
}

#[wasm_bindgen_test]
async fn results_fill_in_one_at_a_time_and_are_kept() {
    // Mounting starts the browser's task executor, which effects run on.
    leptos::mount::mount_to_body(|| ());
    // The results are kept by a longer-lived owner (the app's state), the
    // work belongs to a screen.
    let app = Owner::new();
    app.set();
    let finished = Finished::<u32, u32>::new(4);
    let screen = app.child();
    screen.set();
    let inputs = RwSignal::new(vec![1u32, 2, 3]);
    let keys = Memo::new(move |_| inputs.get().into_iter().map(Arc::new).collect::<Vec<_>>());
    let results = finished.follow(keys, times_ten);

    // Nothing runs before the browser has painted the empty state.
    assert_eq!(results.get_untracked(), vec![None, None, None]);
    assert_eq!(CALLS.load(Ordering::SeqCst), 0);
    let seen = until_done(results).await;
    // One at a time, in order: each state adds exactly the next result.
    assert_eq!(
        seen,
        vec![
            vec![None, None, None],
            vec![Some(10), None, None],
            vec![Some(10), Some(20), None],
            vec![Some(10), Some(20), Some(30)],
        ]
    );
    assert_eq!(CALLS.load(Ordering::SeqCst), 3);

    // Reordering and dropping reuse what was finished, at once.
    inputs.set(vec![3, 1]);
    assert_eq!(
        results.get_untracked(),
        vec![Some(Arc::new(30)), Some(Arc::new(10))]
    );
    TimeoutFuture::new(50).await;
    assert_eq!(CALLS.load(Ordering::SeqCst), 3);

    // A new input is worked out; the others are not again.
    inputs.set(vec![3, 1, 4]);
    until_done(results).await;
    assert_eq!(CALLS.load(Ordering::SeqCst), 4);
    assert_eq!(finished.get(&4).as_deref(), Some(&40));

    // Full (four kept): the oldest result no longer asked for goes (2),
    // never one still shown.
    inputs.set(vec![1, 5]);
    until_done(results).await;
    assert_eq!(CALLS.load(Ordering::SeqCst), 5);
    assert_eq!(finished.get(&2), None);
    assert_eq!(finished.get(&1).as_deref(), Some(&10));
    assert_eq!(finished.get(&3).as_deref(), Some(&30));

    // Work stops with its screen: once the first of two new inputs is
    // done and the screen is gone, the second is never worked out, and
    // what was finished stays kept.
    inputs.set(vec![6, 7]);
    for _ in 0..400 {
        if finished.get(&6).is_some() {
            break;
        }
        TimeoutFuture::new(1).await;
    }
    screen.cleanup();
    app.set();
    TimeoutFuture::new(100).await;
    assert_eq!(CALLS.load(Ordering::SeqCst), 6);
    assert_eq!(finished.get(&6).as_deref(), Some(&60));
    assert_eq!(finished.get(&7), None);
}
