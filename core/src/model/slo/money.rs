//! The budget in money: a cost per bad minute (time-based budgets) or per
//! failed request (request-based), in a currency the user names, turning
//! the budget, what was spent and each incident into an amount.
//!
//! A failed request is counted from bad minutes at the day's average
//! traffic: `bad minutes × requests per day / 1440`, the same conversion
//! that makes the request budget `B × requests` equal to the minute budget
//! `B × minutes` at a steady rate (domain.md §3).

use serde::{Deserialize, Serialize};

use super::{BudgetReport, Method, Slo, MINUTES_PER_DAY};
use crate::model::units::{format_count, format_number};
use crate::model::validate::NumberRule;

/// Largest cost accepted for one bad minute or one failed request.
pub const MAX_COST: f64 = 1e9;
/// Longest currency code or symbol accepted ("EUR", "€", "R$", "CHF").
pub const MAX_CURRENCY_CHARS: usize = 8;
/// The currency the cost field offers before the user names one.
pub const DEFAULT_CURRENCY: &str = "EUR";
/// The input rule for the cost field.
pub const COST_RULE: NumberRule = NumberRule::positive(MAX_COST, "");

/// What a bad minute or a failed request costs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cost {
    /// Amount per bad minute (time-based) or per failed request
    /// (request-based), in `currency`.
    pub amount: f64,
    /// A currency code ("EUR") or symbol ("€"), as the user writes it.
    pub currency: String,
}

/// An amount of money with its words.
#[derive(Clone, Debug, PartialEq)]
pub struct Money {
    pub amount: f64,
    /// "€43.20", "1,296 USD".
    pub text: String,
}

/// Checks a currency as typed: 1 to [`MAX_CURRENCY_CHARS`] characters
/// after trimming, no spaces, digits or control characters. Returns it
/// trimmed.
pub fn parse_currency(text: &str) -> Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("Enter a currency code such as EUR, or a symbol such as €.".to_string());
    }
    let n = t.chars().count();
    if n > MAX_CURRENCY_CHARS {
        return Err(format!(
            "Keep the currency to {MAX_CURRENCY_CHARS} characters or fewer (it has {n})."
        ));
    }
    if t.chars()
        .any(|c| c.is_whitespace() || c.is_control() || c.is_ascii_digit())
    {
        return Err(
            "A currency is a code such as EUR or a symbol such as €: no spaces or digits."
                .to_string(),
        );
    }
    Ok(t.to_string())
}

impl Cost {
    /// Whether the stored values are ones the fields accept.
    pub fn is_valid(&self) -> bool {
        self.amount.is_finite()
            && self.amount > 0.0
            && self.amount <= MAX_COST
            && parse_currency(&self.currency).is_ok_and(|c| c == self.currency)
    }

    /// The unit the amount is per, for the field's label.
    pub fn unit(method: Method) -> &'static str {
        match method {
            Method::TimeBased => "per bad minute",
            Method::RequestBased => "per failed request",
        }
    }

    /// `amount` in this currency: a symbol goes before the number ("€43.20"),
    /// a code of letters after it ("43.20 EUR"). Two decimals below 1,000,
    /// whole units with thousands separators from there.
    pub fn format(&self, amount: f64) -> String {
        if !amount.is_finite() {
            return "—".to_string();
        }
        let abs = amount.abs();
        let sign = if amount < 0.0 && abs >= 0.005 {
            "−"
        } else {
            ""
        };
        let number = if abs < 1000.0 {
            format!("{abs:.2}")
        } else if abs < 1e18 {
            format_count(abs.round() as u64)
        } else {
            format_number(abs, 0)
        };
        if self.currency.chars().all(char::is_alphabetic) {
            format!("{sign}{number} {}", self.currency)
        } else {
            format!("{sign}{}{number}", self.currency)
        }
    }
}

impl Slo {
    /// What `bad_minutes` of bad time cost, or `None` without a cost. For a
    /// request-based budget the minutes become failed requests at the day's
    /// average traffic.
    pub fn money(&self, bad_minutes: f64) -> Option<Money> {
        let cost = self.cost.as_ref()?;
        let units = match self.method {
            Method::TimeBased => bad_minutes,
            Method::RequestBased => bad_minutes * self.requests_per_day / MINUTES_PER_DAY,
        };
        let amount = units * cost.amount;
        Some(Money {
            amount,
            text: cost.format(amount),
        })
    }

    /// The whole budget of a `days`-day window in money.
    pub fn budget_money(&self, days: u32) -> Option<Money> {
        self.money(self.budget_minutes(days))
    }

    /// Each incident's cost, in list order (its own bad minutes, before
    /// overlaps are merged).
    pub fn incident_money(&self) -> Vec<Option<Money>> {
        self.incidents
            .iter()
            .map(|i| self.money(i.bad_minutes()))
            .collect()
    }
}

/// The budget and this window's spending in money, in one sentence, for
/// the Error budget screen and the report alike: "At €2.00 per bad minute
/// the budget is worth €86.40, and the incidents in this window cost
/// €60.00." `None` without a cost.
pub fn money_line(slo: &Slo, report: &BudgetReport) -> Option<String> {
    let cost = slo.cost.as_ref()?;
    let budget = slo.money(report.budget_minutes)?;
    let spent = slo.money(report.spent_minutes)?;
    Some(format!(
        "At {} {} the budget is worth {}, and the incidents in this window cost {}.",
        cost.format(cost.amount),
        Cost::unit(slo.method),
        budget.text,
        spent.text
    ))
}
