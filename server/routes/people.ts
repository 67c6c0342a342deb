import { PeopleSchema, PersonSchema } from '../../preload/contract/wire/office.ts';
import { authenticate } from '../auth.ts';
import { sendJson, shaped } from '../http.ts';
import { departmentsOf, peopleOf, personOf, type Person } from '../office/people.ts';
import { route } from '../router.ts';

function personView(person: Person) {
  return {
    username: person.username,
    maDinhDanh: person.org,
    fullName: person.fullName,
    chucVu: person.chucVu,
    department: person.department,
    roles: [...person.roles],
  };
}

/** People and their roles (API 1.4.0): who signed in, and the colleagues a step can go to. */
export const peopleRoutes = [
  route('GET', '/v1/people/me', async (state, ctx) => {
    const caller = authenticate(state, ctx);
    await sendJson(ctx, 200, shaped(PersonSchema, personView(personOf(state, caller.username))));
  }),
  route('GET', '/v1/people', async (state, ctx) => {
    const caller = authenticate(state, ctx);
    await sendJson(
      ctx,
      200,
      shaped(PeopleSchema, {
        items: peopleOf(state, caller.org).map(personView),
        departments: departmentsOf(state, caller.org),
      }),
    );
  }),
];
