//! The facts every generated article draws on: a pure function of the seed and the key, so that
//! articles about one report agree without the generator remembering anything.

use crate::dedup::fnv1a;

/// A company and the usual size of its half-yearly request counts.
#[derive(Debug, Clone, Copy)]
pub struct Company {
    /// Its name, as the extractor knows it.
    pub name: &'static str,
    /// Typical requests in a half-year (the world varies it by ±30%).
    pub scale: u64,
    /// Where its reports are published ("company blog").
    pub venue: &'static str,
}

/// The companies articles are about.
pub const COMPANIES: &[Company] = &[
    Company {
        name: "Microsoft",
        scale: 34_000,
        venue: "its corporate blog",
    },
    Company {
        name: "Google",
        scale: 30_000,
        venue: "its transparency site",
    },
    Company {
        name: "Yahoo",
        scale: 21_000,
        venue: "its policy blog",
    },
    Company {
        name: "Facebook",
        scale: 35_000,
        venue: "its newsroom",
    },
    Company {
        name: "Twitter",
        scale: 4_500,
        venue: "its transparency site",
    },
    Company {
        name: "Apple",
        scale: 9_000,
        venue: "its privacy pages",
    },
    Company {
        name: "Dropbox",
        scale: 600,
        venue: "its company blog",
    },
    Company {
        name: "LinkedIn",
        scale: 250,
        venue: "its help centre",
    },
    Company {
        name: "Tumblr",
        scale: 300,
        venue: "its staff blog",
    },
    Company {
        name: "Pinterest",
        scale: 150,
        venue: "its help centre",
    },
    Company {
        name: "Reddit",
        scale: 120,
        venue: "its community blog",
    },
    Company {
        name: "Snapchat",
        scale: 800,
        venue: "its support site",
    },
];

/// What a count measures; the first word group is how articles name it.
pub const MEASURES: &[&str] = &[
    "government requests",
    "law enforcement requests",
    "user data requests",
    "information requests",
];

/// A half-year: year and half (1 or 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Half {
    /// The year.
    pub year: u32,
    /// 1 or 2.
    pub half: u32,
}

impl Half {
    /// The half before this one.
    pub fn previous(self) -> Half {
        if self.half == 1 {
            Half {
                year: self.year - 1,
                half: 2,
            }
        } else {
            Half {
                year: self.year,
                half: 1,
            }
        }
    }

    /// Its period label (`2014-H2`).
    pub fn label(self) -> String {
        format!("{}-H{}", self.year, self.half)
    }

    /// How articles name it ("the second half of 2014").
    pub fn phrase(self) -> String {
        let which = if self.half == 1 { "first" } else { "second" };
        format!("the {which} half of {}", self.year)
    }
}

/// The world of a seed.
#[derive(Debug, Clone, Copy)]
pub struct World {
    seed: u64,
}

impl World {
    /// The world of `seed`.
    pub fn new(seed: u64) -> Self {
        World { seed }
    }

    fn draw(&self, key: &str) -> u64 {
        fnv1a(format!("{}|{key}", self.seed).as_bytes()).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 11
    }

    /// Requests a company received in a half-year, for a measure.
    pub fn requests(&self, company: &Company, half: Half, measure: &str) -> u64 {
        let drawn = self.drawn_requests(company, half, measure);
        // never the count of the half before: "up from" the same count is a contradiction the
        // checks flag, and the templates write every change as up or down (the halves before
        // 2012 are drawn only: articles are about 2013 to 2016 and the halves before them)
        if half.year < 2012 {
            return drawn;
        }
        drawn + u64::from(drawn == self.requests(company, half.previous(), measure))
    }

    /// The requests drawn for a half, before [`World::requests`] sets them apart from the half
    /// before's.
    fn drawn_requests(&self, company: &Company, half: Half, measure: &str) -> u64 {
        let noise = self.draw(&format!("req|{}|{}|{measure}", company.name, half.label())) % 600;
        // ±30% around the company's scale, growing a little every year.
        let grown = company.scale * (100 + 8 * u64::from(half.year.saturating_sub(2012))) / 100;
        (grown * (700 + noise) / 1000).max(20)
    }

    /// Users or accounts those requests concerned (more than the requests).
    pub fn accounts(&self, company: &Company, half: Half, measure: &str) -> u64 {
        let requests = self.requests(company, half, measure);
        requests + requests * (20 + self.draw(&format!("acc|{}|{}", company.name, half.label())) % 80) / 100
    }

    /// Share of requests that produced some data, in percent.
    pub fn produced_share(&self, company: &Company, half: Half) -> u64 {
        45 + self.draw(&format!("prod|{}|{}", company.name, half.label())) % 40
    }

    /// Requests from the United States (a part of the total).
    pub fn us_requests(&self, company: &Company, half: Half, measure: &str) -> u64 {
        let requests = self.requests(company, half, measure);
        requests * (25 + self.draw(&format!("us|{}|{}", company.name, half.label())) % 35) / 100
    }

    /// Money the company spent on its legal review team in a year, in millions (with one decimal).
    pub fn review_spending_tenths(&self, company: &Company, year: u32) -> u64 {
        12 + self.draw(&format!("spend|{}|{year}", company.name)) % 90
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No half's count of requests is the count of the half before, whatever the seed: a change
    /// the templates write as "up from" the same count would be a contradiction.
    #[test]
    fn a_halfs_requests_are_never_those_of_the_half_before() {
        let mut equal_drawn = 0;
        for seed in 0..200 {
            let world = World::new(seed);
            for company in COMPANIES {
                for year in 2013..2016 {
                    for half in [1, 2] {
                        let h = Half { year, half };
                        let measure = "user data requests";
                        assert_ne!(
                            world.requests(company, h, measure),
                            world.requests(company, h.previous(), measure)
                        );
                        equal_drawn += usize::from(
                            world.drawn_requests(company, h, measure)
                                == world.drawn_requests(company, h.previous(), measure),
                        );
                    }
                }
            }
        }
        // the draws do fall equal now and then: the test sees the case it is about
        assert!(equal_drawn > 0, "no equal draws in the sample");
    }
}
