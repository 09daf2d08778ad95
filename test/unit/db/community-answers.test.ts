// One definition of a community answer (db/tables/community-answers.ts): a comment marked as the
// answer in the spotlight, or the comment a service question was resolved by; counted once per
// comment, at the first time it counted. Milestones, the members board and the dashboard agree.
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/connection';
import { answerCountOfMember, answersOfMember, answerTimesBetween } from '../../../db/tables/community-answers';
import { memberOfAuthor } from '../../../db/tables/members';
import { addFeed, addItem } from '../../support/seed';

const DAY = 24 * 60 * 60_000;
const JAN = (day: number) => Date.UTC(2026, 0, day, 12);

function setUp() {
  const db = openDatabase(':memory:');
  const feedId = addFeed(db);
  const helper = (day: number) => addItem(db, { feedId, author: 'Noor', publishedAt: JAN(day) });
  const question = (day: number) => addItem(db, { feedId, author: 'Sam', publishedAt: JAN(day), status: 'routed', route: 'service' });
  const resolve = (questionId: number, answerId: number) =>
    db.prepare(`UPDATE items SET resolution = 'answered-by-community', answered_by = ? WHERE id = ?`).run(answerId, questionId);
  const mark = (answerId: number, questionId: number, day: number) =>
    db.prepare(`INSERT INTO spotlight_actions (item_id, action, answers_item_id, at) VALUES (?, 'answer', ?, ?)`).run(answerId, questionId, JAN(day));
  const member = () => memberOfAuthor(db, 'Noor') as number;
  return { db, helper, question, resolve, mark, member };
}

function everywhere(db: Db, memberId: number, since: number) {
  return {
    milestones: answersOfMember(db, memberId).length,
    board: answerCountOfMember(db, memberId, since),
    dashboard: answerTimesBetween(db, since, JAN(31)).length,
  };
}

describe('community answers', () => {
  it('count a helper comment once, however many questions it resolved', () => {
    const { db, helper, question, resolve, member } = setUp();
    const answer = helper(5);
    resolve(question(4), answer);
    resolve(question(3), answer);
    expect(everywhere(db, member(), JAN(1))).toEqual({ milestones: 1, board: 1, dashboard: 1 });
  });

  it('count a comment marked twice, and resolving a question too, once', () => {
    const { db, helper, question, resolve, mark, member } = setUp();
    const answer = helper(5);
    const asked = question(4);
    resolve(asked, answer);
    mark(answer, asked, 6);
    mark(answer, asked, 7);
    expect(everywhere(db, member(), JAN(1))).toEqual({ milestones: 1, board: 1, dashboard: 1 });
  });

  it('date an answer by when it first counted: written 10 January, marked 20 January, it is not new since the 15th', () => {
    const { db, helper, question, resolve, mark, member } = setUp();
    const answer = helper(10);
    const asked = question(9);
    resolve(asked, answer);
    mark(answer, asked, 20);
    const id = member();
    expect(answersOfMember(db, id)).toEqual([{ id: answer, at: JAN(10) }]);
    expect(everywhere(db, id, JAN(15))).toEqual({ milestones: 1, board: 0, dashboard: 0 });
    expect(answerTimesBetween(db, JAN(10), JAN(10) + DAY)).toEqual([JAN(10)]);
  });
});
